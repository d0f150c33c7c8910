"""Demo things to share and funding rounds: a part of the demo borough (coproduce/demo/parts/).

`build(ctx)` after people, demo accounts and groups; `clear()` before them. Rows go in with
bulk_create, bypassing the services on purpose (no notifications for made-up reservations).
No photos: demo items are text only.
"""

import random
from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.groups.models import Membership, Organisation
from coproduce.places.models import Ward
from coproduce.projects.themes import Theme
from coproduce.sharing.models import (
    Funder,
    FundingApplication,
    FundingFollow,
    FundingOpportunity,
    FundingTheme,
    Item,
    Reservation,
)

from ..context import BATCH_SIZE, DemoContext, dated, forget, keeping_dates, remembered
from ..rhythm import Rhythm
from .accounts import email_for
from .people import demo_residents
from .sharing_words import ELIGIBILITY, FUNDERS, PROGRAMMES, SEASONS, THINGS, WANTED_NOTES, WHERE

PEOPLE_PER_ITEM = 300
MIN_ITEMS = 30
COUNCIL_FURNITURE = 12

Category = Item.Category
# (status, share) for offered items; the rest of the flow shows in every state.
STATUSES = ([Item.Status.AVAILABLE, Item.Status.RESERVED, Item.Status.LENT], [80, 12, 8])


def build(ctx: DemoContext) -> None:
    rng = ctx.random("sharing")
    wards = list(ctx.wards) or list(Ward.objects.order_by("pk"))
    residents = demo_residents()
    if not wards or not residents:
        return
    items, reservations = _items(ctx, rng, wards, residents)
    ctx.counts["shared items"] = len(items)
    ctx.counts["reservations"] = len(reservations)
    opportunities = _funding(ctx, rng, wards)
    follows, applications = _follows_and_applications(ctx, rng, opportunities, residents)
    ctx.counts["funding rounds"] = len(opportunities)
    ctx.counts["funding follows"] = len(follows)
    ctx.counts["funding applications"] = len(applications)


def clear() -> None:
    FundingApplication.objects.filter(pk__in=remembered(FundingApplication)).delete()
    FundingFollow.objects.filter(pk__in=remembered(FundingFollow)).delete()
    FundingOpportunity.objects.filter(pk__in=remembered(FundingOpportunity)).delete()
    # A real round may have been added for a demo funder since; that funder stays.
    Funder.objects.filter(pk__in=remembered(Funder), opportunities__isnull=True).delete()
    Reservation.objects.filter(pk__in=remembered(Reservation)).delete()
    Item.objects.filter(pk__in=remembered(Item)).delete()
    for model in (FundingApplication, FundingFollow, FundingOpportunity, Funder, Reservation, Item):
        forget(model)


def _items(ctx, rng: random.Random, wards, residents) -> tuple[list, list]:
    ward_ids = [w.pk for w in wards]
    count = max(MIN_ITEMS, round(ctx.size.people / PEOPLE_PER_ITEM))
    items, reserved_by = [], []
    flavours = {w.pk: _flavour(ctx, w) for w in wards}
    for _n in range(count):
        user_id, ward_id = rng.choice(residents)
        weights, things = flavours.get(ward_id) or (None, THINGS)
        category = rng.choices(list(THINGS), weights=weights)[0]
        title, description = rng.choice(things[category])
        wanted = rng.random() < 0.2
        exchange = (
            Item.Exchange.LEND
            if category in (Category.TOOLS, Category.EQUIPMENT) and (rng.random() < 0.7)
            else Item.Exchange.GIVE
        )
        status = Item.Status.AVAILABLE
        if not wanted:
            status = rng.choices(*STATUSES)[0]
            if status == Item.Status.LENT and exchange == Item.Exchange.GIVE:
                status = Item.Status.RESERVED
        items.append(
            Item(
                kind=Item.Kind.WANTED if wanted else Item.Kind.OFFERED,
                exchange=exchange,
                title=title,
                description=rng.choice(WANTED_NOTES) if wanted else description,
                category=category,
                condition="" if wanted else rng.choice(Item.Condition.values),
                ward_id=ward_id or rng.choice(ward_ids),
                where_to_collect="" if wanted else rng.choice(WHERE),
                posted_by_id=user_id,
                status=status,
            )
        )
        reserved_by.append(
            _someone_else(rng, residents, user_id) if status != "available" else None
        )
    items.extend(_council_furniture(rng, ward_ids))
    reserved_by.extend([None] * (len(items) - len(reserved_by)))
    # Posted over the past year, with the weekly and seasonal beat of the rest.
    rhythm = Rhythm(ctx.now)
    for item in items:
        dated(item, rhythm.moment(rng))
    reservations = [
        dated(
            Reservation(
                item=item,
                reserved_by_id=person,
                status=Reservation.Status.LENT
                if item.status == Item.Status.LENT
                else Reservation.Status.ACTIVE,
            ),
            rhythm.moment(rng, after=item.created_at),
        )
        for item, person in zip(items, reserved_by, strict=True)
        if person is not None
    ]
    with keeping_dates(Item, Reservation):
        Item.objects.bulk_create(items, batch_size=BATCH_SIZE)
        ctx.remember(items)
        Reservation.objects.bulk_create(reservations, batch_size=BATCH_SIZE)
    ctx.remember(reservations)
    return items, reservations


def _flavour(ctx, ward) -> tuple[list[float], dict[str, list[tuple[str, str]]]]:
    """What a ward's people tend to share: more baby things on one estate, tools in a ward
    of houses with gardens. Its own stream per ward, so it stays put as the borough grows."""
    rng = random.Random(f"{ctx.seed}:sharing:{ward.name}")
    weights = [rng.uniform(0.2, 2.5) for _category in THINGS]
    things = {
        category: rng.sample(listed, max(1, round(len(listed) * 0.6)))
        for category, listed in THINGS.items()
    }
    return weights, things


def _someone_else(rng: random.Random, residents, user_id: int) -> int:
    while True:
        other, _ward = rng.choice(residents)
        if other != user_id or len(residents) == 1:
            return other


def _council_furniture(rng: random.Random, ward_ids: list[int]) -> list[Item]:
    """The council clearing furniture from its buildings, posted by an organiser of a
    council service group (the demo officer when there is none)."""
    council = (
        Organisation.objects.filter(
            pk__in=remembered(Organisation), kind=Organisation.Kind.COUNCIL_SERVICE
        )
        .order_by("pk")
        .first()
    )
    poster = None
    if council is not None:
        poster = (
            Membership.objects.filter(organisation=council, role=Membership.Role.ORGANISER)
            .order_by("pk")
            .values_list("user_id", flat=True)
            .first()
        )
    if poster is None:
        poster = User.objects.filter(email=email_for(Role.OFFICER)).values_list("pk", flat=True)
        poster = poster.first()
        council = None
    if poster is None:
        return []
    return [
        Item(
            kind=Item.Kind.OFFERED,
            exchange=Item.Exchange.GIVE,
            title=title,
            description=f"{description} From a council building being cleared.",
            category=Category.FURNITURE,
            condition=rng.choice([Item.Condition.GOOD, Item.Condition.FAIR]),
            ward_id=rng.choice(ward_ids),
            where_to_collect="Council depot, weekdays 9am to 3pm. Bring help to lift.",
            posted_by_id=poster,
            organisation=council,
        )
        for title, description in rng.choices(
            [
                ("Office desk", "Steel frame, beech top."),
                ("Stacking chairs", "Ten blue chairs."),
                ("Filing cabinet", "Four drawers, no key."),
                ("Meeting table", "Seats eight."),
            ],
            k=COUNCIL_FURNITURE,
        )
    ]


def _funding(ctx, rng: random.Random, wards) -> list[FundingOpportunity]:
    funders = [Funder(name=name, website=site) for name, site in FUNDERS]
    existing = set(
        Funder.objects.filter(name__in=[f.name for f in funders]).values_list("name", flat=True)
    )
    funders = [f for f in funders if f.name not in existing]
    Funder.objects.bulk_create(funders)
    ctx.remember(funders)
    by_name = {f.name: f for f in Funder.objects.filter(name__in=[n for n, _s in FUNDERS])}
    landfill = by_name[FUNDERS[0][0]]
    now = ctx.now
    rounds: list[tuple[FundingOpportunity, list[str]]] = []
    # The landfill communities trust funds environmental work near landfill sites, in
    # rounds: one closed, one closing soon, one later in the year.
    for number, days in enumerate([-60, 10, 120], start=1):
        deadline = (now + timedelta(days=days)).replace(hour=17, minute=0, second=0, microsecond=0)
        rounds.append(
            (
                FundingOpportunity(
                    funder=landfill,
                    title=f"Environmental improvement grants, round {number}",
                    what_it_funds=(
                        "Projects that improve green spaces, parks, play areas and community "
                        "buildings within 10 miles of a landfill site."
                    ),
                    eligibility="Not-for-profit groups with a bank account and a constitution.",
                    min_amount=2_000,
                    max_amount=50_000,
                    deadline=deadline,
                    decision_date=(deadline + timedelta(days=42)).date(),
                    release_date=(deadline + timedelta(days=70)).date(),
                    link="https://landfill-trust.example.org/apply",
                    borough_wide=True,
                ),
                [Theme.ENVIRONMENT, Theme.SPACES],
            )
        )
    programmes = [
        (by_name[name], programme)
        for name, listed in PROGRAMMES.items()
        if name in by_name
        for programme in listed
    ]
    titles: set[str] = set()
    for number in range(max(6, len(wards))):
        funder, (name, funds, themes, low) = programmes[number % len(programmes)]
        days = rng.randint(-30, 150)
        deadline = (now + timedelta(days=days)).replace(hour=12, minute=0, second=0, microsecond=0)
        # Named the way funders name their rounds: "Winter warmth fund, autumn 2026".
        title = f"{name}, {SEASONS[deadline.month]} {deadline.year}"
        while title in titles:
            deadline += timedelta(days=91)
            title = f"{name}, {SEASONS[deadline.month]} {deadline.year}"
        titles.add(title)
        themes = themes or [rng.choice(Theme.values)]
        rounds.append(
            (
                FundingOpportunity(
                    funder=funder,
                    title=title,
                    what_it_funds=funds,
                    eligibility=rng.choice(ELIGIBILITY),
                    min_amount=low,
                    max_amount=low * rng.choice([5, 10, 20]),
                    deadline=deadline,
                    decision_date=(deadline + timedelta(days=28)).date(),
                    release_date=(deadline + timedelta(days=45)).date(),
                    link=funder.website,
                    borough_wide=rng.random() < 0.6,
                ),
                themes,
            )
        )
    opportunities = [o for o, _t in rounds]
    FundingOpportunity.objects.bulk_create(opportunities)
    ctx.remember(opportunities)
    FundingTheme.objects.bulk_create(
        [FundingTheme(opportunity=o, theme=t) for o, themes in rounds for t in themes]
    )
    through = FundingOpportunity.wards.through
    through.objects.bulk_create(
        [
            through(fundingopportunity_id=o.pk, ward_id=w.pk)
            for o in opportunities
            if not o.borough_wide
            for w in rng.sample(wards, min(2, len(wards)))
        ]
    )
    return opportunities


def _follows_and_applications(ctx, rng: random.Random, opportunities, residents):
    groups = list(
        Membership.objects.filter(
            organisation__in=remembered(Organisation), role=Membership.Role.ORGANISER
        )
        .order_by("pk")
        .values_list("organisation_id", "user_id")
    )
    followers = [user_id for user_id, _ward in rng.sample(residents, min(20, len(residents)))]
    organiser = User.objects.filter(email=email_for(Role.ORGANISER)).values_list("pk", flat=True)
    followers.extend(organiser)
    follows = [
        FundingFollow(user_id=user_id, opportunity=o)
        for user_id in followers
        for o in rng.sample(opportunities, min(2, len(opportunities)))
    ]
    unique = {(f.user_id, f.opportunity.pk): f for f in follows}
    follows = list(unique.values())
    FundingFollow.objects.bulk_create(follows)
    ctx.remember(follows)
    applications = []
    for organisation_id, user_id in rng.sample(groups, min(12, len(groups))):
        opportunity = rng.choice(opportunities)
        asked = (opportunity.max_amount or 5_000) // 2
        status = (
            rng.choice(FundingApplication.Status.values)
            if not opportunity.is_open(ctx.now)
            else FundingApplication.Status.APPLIED
        )
        applications.append(
            FundingApplication(
                opportunity=opportunity,
                organisation_id=organisation_id,
                recorded_by_id=user_id,
                status=status,
                amount_requested=asked,
                amount_awarded=asked if status == FundingApplication.Status.SUCCESSFUL else None,
            )
        )
    FundingApplication.objects.bulk_create(applications)
    ctx.remember(applications)
    return follows, applications
