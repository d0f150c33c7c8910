"""Demo groups and organisations: every kind, spread over the wards, with residents as members.

A part of the demo borough (see coproduce/demo/parts/): `build(ctx)` after the people and the
demo accounts, `clear()` before them. Rows go in with bulk_create, bypassing the services on
purpose (no notifications for thousands of made-up joins).
"""

import random

from django.utils import timezone
from django.utils.text import slugify

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.groups.models import OFFICIAL_KINDS, Membership, Organisation
from coproduce.places.models import Place, Ward

from ..context import BATCH_SIZE, DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered
from ..unique import NameBook
from .accounts import email_for
from .people import demo_residents

Kind = Organisation.Kind

PEOPLE_PER_GROUP = 150
LISTED_SHARE = 0.95
LOCAL_MEMBER_SHARE = 0.8  # most members live in the group's ward
BOROUGH_WIDE_SHARE = 0.15  # some groups work everywhere, with no ward

# How common each kind is, and how many members a group of that kind has (low, high).
KIND_WEIGHTS: dict[str, int] = {
    Kind.COMMUNITY_GROUP: 40,
    Kind.VOLUNTARY: 20,
    Kind.FAITH: 10,
    Kind.SCHOOL: 8,
    Kind.COUNCIL_SERVICE: 8,
    Kind.NHS: 6,
    Kind.BUSINESS: 8,
}
MEMBERS: dict[str, tuple[int, int]] = {
    Kind.COMMUNITY_GROUP: (4, 30),
    Kind.VOLUNTARY: (5, 40),
    Kind.FAITH: (10, 60),
    Kind.SCHOOL: (8, 45),
    Kind.COUNCIL_SERVICE: (3, 20),
    Kind.NHS: (3, 15),
    Kind.BUSINESS: (2, 6),
}
ORGANISERS = ([1, 2, 3], [50, 35, 15])
# How many members let their group's organisers see what they share with organisers.
SHARING_SHARE = 0.6

NAMES: dict[str, list[str]] = {
    Kind.COMMUNITY_GROUP: [
        "Friends of {ward} Park",
        "{ward} Community Garden",
        "{ward} Residents' Association",
        "{ward} Litter Pickers",
        "{ward} Repair Café",
        "{ward} Walking Group",
        "{ward} Knit and Natter",
        "{ward} Toddler Group",
        "{ward} Community Choir",
        "{ward} Youth Football Club",
        "{ward} Seed Swap",
        "{ward} Street Party Committee",
        "{ward} Allotment Society",
        "{ward} Book Club",
        "{ward} Men's Shed",
        "{ward} Parents' Network",
        "{ward} History Society",
        "{ward} Baby and Toddler Music",
        "{ward} Running Club",
        "{ward} Chess Club",
        "{ward} Tenants' and Residents' Association",
        "{ward} Climate Action",
        "{ward} Cycling Club",
        "{ward} Women's Group",
    ],
    Kind.VOLUNTARY: [
        "{ward} Food Bank",
        "{ward} Befriending Scheme",
        "{ward} Community Fridge",
        "{ward} Advice Centre",
        "{ward} Good Neighbours",
        "{ward} Refugee Welcome",
        "{ward} Carers' Network",
        "{ward} Citizens Advice Outreach",
        "{ward} Debt Advice Drop-in",
        "{ward} Youth Trust",
        "{ward} Age Friendly Network",
        "{ward} Mental Health Peer Support",
    ],
    Kind.FAITH: [
        "St Mary's Church, {ward}",
        "{ward} Mosque",
        "{ward} Gurdwara",
        "{ward} Methodist Church",
        "{ward} Synagogue",
        "{ward} Hindu Temple",
        "{ward} Baptist Church",
        "{ward} Pentecostal Church",
        "{ward} Quaker Meeting",
        "{ward} Islamic Centre",
    ],
    Kind.SCHOOL: [
        "{ward} Primary School",
        "{ward} Academy",
        "{ward} Nursery School",
        "{ward} Adult Learning Centre",
        "{ward} Secondary School PTA",
        "{ward} Sixth Form",
    ],
    Kind.COUNCIL_SERVICE: [
        "{ward} Library",
        "{ward} Youth Service",
        "{ward} Neighbourhood Team",
        "{ward} Parks Service",
        "{ward} Family Hub",
        "{ward} Housing Team",
        "{ward} Community Safety Team",
        "{ward} Adult Social Care Team",
    ],
    Kind.NHS: [
        "{ward} Health Centre",
        "{ward} Primary Care Network",
        "{ward} Social Prescribing Team",
        "{ward} Community Mental Health Team",
        "{ward} Health Visitors",
        "{ward} Pharmacy",
    ],
    Kind.BUSINESS: [
        "{ward} Bike Repairs",
        "{ward} Community Café",
        "{ward} Hardware",
        "{ward} Bakery",
        "{ward} Print Shop",
        "{ward} Launderette",
        "{ward} Barbers",
        "{ward} Grocers",
        "{ward} Florist",
    ],
}
# Borough-wide groups take the borough's name where a ward's would go.
BOROUGH = "Northbrook"
DESCRIPTIONS: dict[str, list[str]] = {
    Kind.COMMUNITY_GROUP: [
        "We are neighbours who meet every month. Everyone is welcome, no experience needed.",
        "A friendly group run by volunteers. Come along, bring a friend, have a cup of tea.",
        "We look after our patch together. Drop in on a Saturday morning.",
    ],
    Kind.VOLUNTARY: [
        "A local charity run by volunteers. We help anyone who needs it, no questions asked.",
        "We match volunteers with people who would like some company or a hand.",
    ],
    Kind.FAITH: [
        "A place of worship that opens its doors to the whole community, whatever your faith.",
        "We run a lunch club and a warm space in winter. All are welcome.",
    ],
    Kind.SCHOOL: [
        "Our school welcomes families and neighbours to events and volunteering.",
        "We share our hall and playground with local groups after school hours.",
    ],
    Kind.COUNCIL_SERVICE: [
        "A council service for residents. Ask us about support, activities and spaces.",
        "We work with local groups to make the neighbourhood better for everyone.",
    ],
    Kind.NHS: [
        "An NHS team working with community groups to help people stay well.",
        "We connect patients with local activities and support, as well as care.",
    ],
    Kind.BUSINESS: [
        "A local business that supports community events and gives time to good causes.",
        "Family run for years. We sponsor the street party and lend our space.",
    ],
}


def build(ctx: DemoContext) -> None:
    rng = ctx.random("groups")
    wards = list(ctx.wards) or list(Ward.objects.order_by("pk"))
    if not wards:
        return
    residents = demo_residents()
    if not residents:
        return
    by_ward: dict[int | None, list[int]] = {}
    for user_id, ward_id in residents:
        by_ward.setdefault(ward_id, []).append(user_id)
    everyone = [user_id for user_id, _ward in residents]
    places_by_ward: dict[int, list[int]] = {}
    for place_id, ward_id in (
        Place.objects.filter(pk__in=remembered(Place), is_listed=True)
        .order_by("pk")
        .values_list("pk", "ward_id")
    ):
        places_by_ward.setdefault(ward_id, []).append(place_id)

    count = max(len(Kind), round(ctx.size.people / PEOPLE_PER_GROUP))
    kinds = _kinds(rng, count)
    slugs = set(Organisation.objects.values_list("slug", flat=True))
    shuffled = rng.sample(wards, len(wards))
    streets: dict[int | None, list[str]] = {}
    for street in ctx.streets:
        streets.setdefault(street.ward_id, []).append(street.name.rsplit(" ", 1)[0])
    names = NameBook()
    organisations = []
    for number, kind in enumerate(kinds):
        # Round the shuffled wards, so every ward gets its share before any gets two.
        ward = shuffled[number % len(shuffled)]
        borough_wide = rng.random() < BOROUGH_WIDE_SHARE
        where = None if borough_wide else ward
        key = where.pk if where else None
        area = where.name if where else BOROUGH
        stems = streets.get(key) or [BOROUGH]
        name = names.give(
            key,
            lambda kind=kind, area=area: _name(rng, kind, area),
            # Named for its patch when the ward's name is taken: "Arundel Food Bank".
            otherwise=[_name(rng, kind, s) for s in rng.sample(stems, min(4, len(stems)))],
        )
        organisation = _organisation(rng, kind, name, where, slugs)
        if not borough_wide and places_by_ward.get(ward.pk) and rng.random() < 0.6:
            organisation.base_id = rng.choice(places_by_ward[ward.pk])
        organisations.append(organisation)
    Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)
    ctx.remember(organisations)

    memberships = []
    for organisation in organisations:
        local = by_ward.get(organisation.ward_id, []) if organisation.ward_id else everyone
        user_ids = _members(rng, organisation.kind, local, everyone)
        organisers = min(rng.choices(*ORGANISERS)[0], len(user_ids))
        memberships.extend(
            Membership(
                organisation=organisation,
                user_id=user_id,
                role=Membership.Role.ORGANISER if i < organisers else Membership.Role.MEMBER,
                shares_with_organisers=rng.random() < SHARING_SHARE,
            )
            for i, user_id in enumerate(user_ids)
        )
    memberships.extend(_demo_accounts(organisations, memberships))
    Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
    ctx.counts["groups"] = len(organisations)
    ctx.counts["group memberships"] = len(memberships)


def clear() -> None:
    demo = Organisation.objects.filter(pk__in=remembered(Organisation))
    Membership.objects.filter(organisation__in=demo).delete()
    demo.delete()
    forget(Organisation)


def _kinds(rng: random.Random, count: int) -> list[str]:
    """Every kind at least once, the rest in proportion to KIND_WEIGHTS, shuffled."""
    kinds = list(KIND_WEIGHTS)
    kinds += rng.choices(kinds, weights=list(KIND_WEIGHTS.values()), k=count - len(kinds))
    rng.shuffle(kinds)
    return kinds


def _name(rng: random.Random, kind: str, where: str) -> str:
    return rng.choice(NAMES[kind]).format(ward=where)


def _organisation(
    rng: random.Random, kind: str, name: str, ward: Ward | None, slugs: set[str]
) -> Organisation:
    slug = _free_slug(slugify(name), slugs)
    return Organisation(
        kind=kind,
        name=name,
        slug=slug,
        description=rng.choice(DESCRIPTIONS[kind]),
        ward=ward,
        website=f"https://{slug}.example.org" if rng.random() < 0.4 else "",
        email=f"{slug[:50]}@{DEMO_EMAIL_DOMAIN}" if rng.random() < 0.7 else "",
        # Ofcom keeps 020 7946 0000 to 0999 for drama: never a real line.
        phone=f"020 7946 0{rng.randrange(1000):03d}" if rng.random() < 0.5 else "",
        is_listed=rng.random() < LISTED_SHARE,
        # The demo's official groups stand for the borough's own services: checked already.
        kind_verified_at=timezone.now() if kind in OFFICIAL_KINDS else None,
    )


def _free_slug(base: str, slugs: set[str]) -> str:
    slug, number = base, 2
    while slug in slugs or slug == "new":
        slug, number = f"{base}-{number}", number + 1
    slugs.add(slug)
    return slug


def _members(rng: random.Random, kind: str, local: list[int], everyone: list[int]) -> list[int]:
    low, high = MEMBERS[kind]
    wanted = min(rng.randint(low, high), len(everyone))
    from_ward = min(round(wanted * LOCAL_MEMBER_SHARE), len(local))
    chosen = rng.sample(local, from_ward)
    seen = set(chosen)
    # The rest from anywhere in the borough; a few draws may repeat, and are skipped.
    for user_id in rng.sample(everyone, min(len(everyone), wanted - from_ward + 5)):
        if len(chosen) >= wanted:
            break
        if user_id not in seen:
            seen.add(user_id)
            chosen.append(user_id)
    return chosen


def _demo_accounts(
    organisations: list[Organisation], memberships: list[Membership]
) -> list[Membership]:
    """The demo organiser runs two listed community groups; the demo resident is in both."""
    accounts = dict(
        User.objects.filter(
            email__in=[email_for(Role.ORGANISER), email_for(Role.RESIDENT)]
        ).values_list("email", "pk")
    )
    organiser = accounts.get(email_for(Role.ORGANISER))
    resident = accounts.get(email_for(Role.RESIDENT))
    groups = [o for o in organisations if o.is_listed and o.kind == Kind.COMMUNITY_GROUP][:2]
    taken = {(m.organisation.pk, m.user_id) for m in memberships}
    extra = []
    for organisation in groups:
        for user_id, role in [
            (organiser, Membership.Role.ORGANISER),
            (resident, Membership.Role.MEMBER),
        ]:
            if user_id is not None and (organisation.pk, user_id) not in taken:
                extra.append(
                    Membership(
                        organisation=organisation,
                        user_id=user_id,
                        role=role,
                        shares_with_organisers=True,
                    )
                )
    return extra
