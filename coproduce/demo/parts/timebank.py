"""Demo time bank: accounts with a history of hours, offers and requests, and buddying.

A part of the demo borough (see coproduce/demo/parts/): `build(ctx)` after the groups and
the demo accounts, `clear()` before them. Rows go in with bulk_create, bypassing the services
on purpose (no notifications), but the ledger is built to keep every invariant: each posted
transfer has two postings summing to zero, and each balance is the sum of its postings and
within its limits.
"""

import datetime
import random

from django.db import models
from django.db.models import Q

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.groups.models import Organisation
from coproduce.timebank.models import (
    Account,
    BuddyRequest,
    Listing,
    Pairing,
    Posting,
    Transfer,
    VolunteerCheck,
)

from ..context import (
    BATCH_SIZE,
    DEMO_EMAIL_DOMAIN,
    DemoContext,
    dated,
    forget,
    keeping_dates,
    remembered,
)
from ..rhythm import Rhythm
from .accounts import email_for
from .people import demo_residents

ACCOUNT_SHARE = 0.2  # one resident in five uses the time bank
MAX_PEOPLE = 3_000
TRANSFERS_PER_ACCOUNT = 4
GROUP_ACCOUNTS = 25
MINUTES = [30, 45, 60, 60, 90, 120, 180]
WHAT = [
    "Gardening",
    "Dog walking",
    "Help with a form",
    "Fixed a bike",
    "Lift to the hospital",
    "Shopping",
    "Computer help",
    "Reading with the children",
    "Cooking for the lunch club",
    "Putting up shelves",
    "Conversation practice in English",
    "Sewing repairs",
]
OFFERS = [
    ("Gardening", "I can dig, weed and mow. Weekends are best."),
    ("Help with computers and phones", "Setting up email, video calls and online forms."),
    ("Bike repairs", "Punctures, brakes and gears. Bring the bike to me."),
    ("Dog walking", "Happy to walk dogs on weekday mornings."),
    ("Conversation in Spanish", "Practise speaking over a cup of tea."),
    ("Baking for events", "Cakes for fundraisers and street parties."),
]
REQUESTS = [
    ("Lift to appointments", "I do not drive and need to get to the health centre."),
    ("Help with my garden", "My back is bad and the hedge is getting wild."),
    ("Someone to fix a dripping tap", "I have the parts, just not the know-how."),
    ("Help writing a CV", "I am going back to work after caring for my mum."),
]
BUDDY_NEEDS = [
    ("Someone to walk with me to the shops once a week.", False, False),
    ("A chat and a cup of tea on Thursdays. I live alone.", False, False),
    ("Help for my dad with letters and bills. He is getting forgetful.", False, True),
    ("Reading with my son after school. He is 8.", True, False),
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("timebank")
    staff = User.objects.filter(email=email_for(Role.OFFICER)).first()
    residents = [user_id for user_id, _ward in demo_residents()]
    if staff is None or len(residents) < 4:
        return
    chosen = rng.sample(residents, min(MAX_PEOPLE, max(4, round(len(residents) * ACCOUNT_SHARE))))
    demo_users = dict(
        User.objects.filter(email__in=[email_for(r) for r in Role]).values_list("email", "pk")
    )
    holders = [demo_users[email_for(r)] for r in (Role.RESIDENT, Role.ORGANISER)] + chosen
    groups = list(
        Organisation.objects.filter(pk__in=remembered(Organisation)).order_by("pk")[:GROUP_ACCOUNTS]
    )
    accounts = [Account(user_id=user_id) for user_id in holders] + [
        Account(organisation=group) for group in groups
    ]
    for account in accounts:
        account.min_balance = -60 * rng.choice([5, 10, 10, 20])
        account.max_balance = 60 * rng.choice([30, 50, 50, 100])

    # Plan the transfers first, in memory, refusing any that would pass a limit, so the
    # accounts can go in with their final balances and the constraint holds throughout.
    planned: list[tuple[int, int, int, str]] = []
    balances = [0] * len(accounts)
    for _ in range(len(accounts) * TRANSFERS_PER_ACCOUNT):
        payer, payee = rng.sample(range(len(accounts)), 2)
        minutes = rng.choice(MINUTES)
        if balances[payer] - minutes < accounts[payer].min_balance:
            continue
        if balances[payee] + minutes > accounts[payee].max_balance:
            continue
        balances[payer] -= minutes
        balances[payee] += minutes
        planned.append((payer, payee, minutes, rng.choice(WHAT)))
    for account, balance in zip(accounts, balances, strict=True):
        account.balance = balance
    Account.objects.bulk_create(accounts, batch_size=BATCH_SIZE)
    ctx.remember(accounts)

    # Spread over the past year, busier at weekends and quiet in August, in time order.
    rhythm = Rhythm(ctx.now)
    times = sorted(rhythm.moments(rng, len(planned)))
    transfers = [
        dated(
            Transfer(
                from_account=accounts[payer],
                to_account=accounts[payee],
                minutes=minutes,
                description=what,
                status=Transfer.Status.POSTED,
                posted_at=at,
                requested_by=staff,
                recorded_by=staff,
            ),
            at,
        )
        for (payer, payee, minutes, what), at in zip(planned, times, strict=True)
    ]
    postings = []
    for transfer in transfers:
        postings.append(
            Posting(
                account=transfer.from_account,
                transfer=transfer,
                minutes=-transfer.minutes,
                created_at=transfer.posted_at,
            )
        )
        postings.append(
            Posting(
                account=transfer.to_account,
                transfer=transfer,
                minutes=transfer.minutes,
                created_at=transfer.posted_at,
            )
        )
    with keeping_dates(Transfer, Posting):
        Transfer.objects.bulk_create(transfers, batch_size=BATCH_SIZE)
        Posting.objects.bulk_create(postings, batch_size=BATCH_SIZE)

    # The demo resident has a request from a neighbour waiting for them to confirm.
    resident_account, neighbour = accounts[0], accounts[2]
    Transfer.objects.create(
        from_account=resident_account,
        to_account=neighbour,
        minutes=90,
        description="Helped you sort out the garden shed",
        requested_by_id=neighbour.user_id,
        requested_for=neighbour,
    )
    listings = _listings(rng, accounts)
    with keeping_dates(Listing):
        Listing.objects.bulk_create(
            [dated(listing, rhythm.moment(rng)) for listing in listings], batch_size=BATCH_SIZE
        )
    _buddying(ctx, rng, staff, chosen, demo_users)
    ctx.counts["time bank accounts"] = len(accounts)
    ctx.counts["time bank transfers"] = len(transfers) + 1
    ctx.counts["offers and requests"] = len(listings)


def _listings(rng: random.Random, accounts: list[Account]) -> list[Listing]:
    listings = [
        Listing(
            account=accounts[0],
            kind=Listing.Kind.OFFER,
            title=OFFERS[0][0],
            description=OFFERS[0][1],
        ),
    ]
    for account in accounts[2:]:
        if account.user_id and rng.random() < 0.25:
            kind = Listing.Kind.OFFER if rng.random() < 0.6 else Listing.Kind.REQUEST
            title, description = rng.choice(OFFERS if kind == Listing.Kind.OFFER else REQUESTS)
            listings.append(
                Listing(account=account, kind=kind, title=title, description=description)
            )
    return listings


def _buddying(ctx, rng: random.Random, staff, chosen: list[int], demo_users: dict) -> None:
    today = ctx.now.date()
    organiser = demo_users[email_for(Role.ORGANISER)]
    resident = demo_users[email_for(Role.RESIDENT)]
    checks = [
        VolunteerCheck(
            person_id=organiser,
            kind=VolunteerCheck.Kind.DBS_ENHANCED,
            checked_on=today - datetime.timedelta(days=200),
            expires_on=today + datetime.timedelta(days=900),
            recorded_by=staff,
        )
    ]
    volunteers = chosen[: max(2, len(chosen) // 20)]
    for person in volunteers:
        checked = today - datetime.timedelta(days=rng.randrange(30, 1200))
        checks.append(
            VolunteerCheck(
                person_id=person,
                kind=rng.choice(VolunteerCheck.Kind.values),
                checked_on=checked,
                expires_on=checked + datetime.timedelta(days=1095),  # some have run out
                recorded_by=staff,
            )
        )
    VolunteerCheck.objects.bulk_create(checks, batch_size=BATCH_SIZE)
    ctx.remember(checks)

    asking = [resident, *chosen[-8:]]
    requests = []
    for number, user_id in enumerate(asking):
        need, children, at_risk = BUDDY_NEEDS[number % len(BUDDY_NEEDS)]
        requests.append(
            BuddyRequest(
                resident_id=user_id,
                what_support=need,
                involves_children=children,
                involves_adults_at_risk=at_risk,
            )
        )
    BuddyRequest.objects.bulk_create(requests)
    ctx.remember(requests)
    # One active pairing and one waiting for the officer to approve.
    active, waiting = requests[1], requests[4 % len(requests)]
    pairings = [Pairing(request=active, volunteer_id=organiser, status=Pairing.Status.ACTIVE)]
    if waiting.needs_safeguarding and waiting is not active:
        pairings.append(
            Pairing(
                request=waiting, volunteer_id=organiser, status=Pairing.Status.AWAITING_APPROVAL
            )
        )
    for pairing in pairings:
        pairing.request.status = BuddyRequest.Status.PAIRED
    BuddyRequest.objects.bulk_update([p.request for p in pairings], ["status"])
    Pairing.objects.bulk_create(pairings)


def clear() -> None:
    """Everything in the time bank that touches demo people or demo groups."""
    demo_users = User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
    accounts = Account.objects.filter(
        Q(pk__in=remembered(Account))
        | Q(user__in=demo_users)
        | Q(organisation__in=remembered(Organisation))
    )
    transfers = Transfer.objects.filter(
        Q(from_account__in=accounts)
        | Q(to_account__in=accounts)
        | Q(requested_by__in=demo_users)
        | Q(recorded_by__in=demo_users)
    )
    # The ledger refuses to delete postings; demo data is the one place they go, wholesale.
    models.QuerySet.delete(
        Posting.objects.filter(Q(transfer__in=transfers) | Q(account__in=accounts))
    )
    Transfer.objects.filter(reverses__in=transfers).update(reverses=None)
    transfers.delete()
    Listing.objects.filter(account__in=accounts).delete()
    accounts.delete()
    Pairing.objects.filter(
        Q(volunteer__in=demo_users)
        | Q(request__resident__in=demo_users)
        | Q(approved_by__in=demo_users)
        | Q(ended_by__in=demo_users)
    ).delete()
    BuddyRequest.objects.filter(resident__in=demo_users).delete()
    VolunteerCheck.objects.filter(Q(person__in=demo_users) | Q(recorded_by__in=demo_users)).delete()
    for model in (Account, VolunteerCheck, BuddyRequest):
        forget(model)
