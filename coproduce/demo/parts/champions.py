"""Demo street champions: a part of the demo borough (coproduce/demo/parts/).

Demo residents champion about a third of the streets: each champion lives on one of their
streets and often looks after a few neighbouring streets in the same ward; some streets have
two champions. Each champion has an approved application; a few applications wait for an
officer, and some residents have sent their champion a message. `build(ctx)` after people
and demo accounts; `clear()` before them. Rows go in with bulk_create (the services notify
people one by one, which a borough of 100,000 does not need).
"""

import random
from collections import defaultdict

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.champions.models import ChampionApplication, ChampionMessage, StreetChampion
from coproduce.people.models import Profile
from coproduce.places.models import Street

from ..context import BATCH_SIZE, DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered
from .accounts import email_for
from .people import EMAIL_PREFIX

SHARE_COVERED = 1 / 3
MOST_STREETS_EACH = 5  # demo champions keep well under the cap of 20
SHARE_WITH_TWO = 0.1  # streets with a second champion
WAITING = 5
MESSAGES_PER_CHAMPION = 0.3
WHY = [
    "I have lived here for twenty years and I know most of my neighbours.",
    "I run the street WhatsApp group and people already ask me what is going on.",
    "I want older people on my road to hear about things that are happening.",
    "I walk the dog every morning and chat to everyone. I would like to help.",
]
MESSAGES = [
    "Is there anything happening for children in the summer holidays?",
    "The street light outside number 12 has been broken for weeks.",
    "My mum does not use the internet. Can you tell her about the lunch club?",
    "Could we have a street party this year? Who do I ask?",
]


def _residents_by_street() -> dict[int, list[int]]:
    rows = (
        Profile.objects.filter(
            user__email__startswith=EMAIL_PREFIX,
            user__email__endswith=f"@{DEMO_EMAIL_DOMAIN}",
            user__is_active=True,
            street__isnull=False,
        )
        .order_by("user_id")
        .values_list("street_id", "user_id")
    )
    found: dict[int, list[int]] = defaultdict(list)
    for street_id, user_id in rows:
        found[street_id].append(user_id)
    return found


def _choose(rng: random.Random, streets: list[tuple[int, int]], residents) -> dict:
    """{champion id: (ward id, [street ids])}: about a third of streets, neighbours grouped."""
    chosen = [s for s in streets if residents.get(s[0])]
    rng.shuffle(chosen)
    chosen = chosen[: round(len(streets) * SHARE_COVERED)]
    champions: dict[int, tuple[int, list[int]]] = {}
    open_in_ward: dict[int, list[int]] = defaultdict(list)  # champions who could take more
    for street_id, ward_id in chosen:
        wanted = 2 if rng.random() < SHARE_WITH_TWO else 1
        on_street: set[int] = set()
        for _ in range(wanted):
            candidates = [c for c in open_in_ward[ward_id] if c not in on_street]
            if candidates and rng.random() < 0.5:
                person = rng.choice(candidates)
            else:
                free = [
                    p for p in residents[street_id] if p not in champions and p not in on_street
                ]
                if not free:
                    continue
                person = rng.choice(free)
                champions[person] = (ward_id, [])
                open_in_ward[ward_id].append(person)
            champions[person][1].append(street_id)
            on_street.add(person)
            if len(champions[person][1]) >= MOST_STREETS_EACH:
                open_in_ward[ward_id].remove(person)
    return champions


@transaction.atomic
def build(ctx: DemoContext) -> None:
    rng = ctx.random("champions")
    officer_id = (
        User.objects.filter(email=email_for(Role.OFFICER)).values_list("pk", flat=True).first()
    )
    residents = _residents_by_street()
    streets = list(Street.objects.order_by("pk").values_list("pk", "ward_id"))
    champions = _choose(rng, streets, residents)
    people = list(champions)
    applications = ChampionApplication.objects.bulk_create(
        [
            ChampionApplication(
                applicant_id=person,
                why=rng.choice(WHY),
                status=ChampionApplication.Status.APPROVED,
                decided_by_id=officer_id,
                decided_at=ctx.now,
            )
            for person in people
        ],
        batch_size=BATCH_SIZE,
    )
    through = ChampionApplication.streets.through
    links, roles = [], []
    for application, person in zip(applications, people, strict=True):
        for street_id in champions[person][1]:
            links.append(through(championapplication_id=application.pk, street_id=street_id))
            roles.append(
                StreetChampion(champion_id=person, street_id=street_id, application=application)
            )
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)
    roles = StreetChampion.objects.bulk_create(roles, batch_size=BATCH_SIZE)
    # A few applications waiting for an officer, from residents who champion nothing yet.
    waiting_streets = [s for s in streets if residents.get(s[0])]
    rng.shuffle(waiting_streets)
    waiting, waiting_links = [], []
    for street_id, ward_id in waiting_streets:
        if len(waiting) >= WAITING:
            break
        free = [p for p in residents[street_id] if p not in champions]
        if not free:
            continue
        person = rng.choice(free)
        champions[person] = (ward_id, [street_id])
        waiting.append(ChampionApplication(applicant_id=person, why=rng.choice(WHY)))
        waiting_links.append(street_id)
    waiting = ChampionApplication.objects.bulk_create(waiting)
    through.objects.bulk_create(
        [
            through(championapplication_id=a.pk, street_id=s)
            for a, s in zip(waiting, waiting_links, strict=True)
        ]
    )
    messages = []
    for person in people[: round(len(people) * MESSAGES_PER_CHAMPION)]:
        street_id = champions[person][1][0]
        senders = [p for p in residents[street_id] if p != person] if street_id in residents else []
        if senders:
            messages.append(
                ChampionMessage(
                    champion_id=person,
                    sender_id=rng.choice(senders),
                    street_id=street_id,
                    body=rng.choice(MESSAGES),
                    share_email=rng.random() < 0.3,
                )
            )
    messages = ChampionMessage.objects.bulk_create(messages, batch_size=BATCH_SIZE)
    ctx.remember([*applications, *waiting])
    ctx.remember(roles)
    ctx.remember(messages)
    ctx.counts["street champions"] = len(people)
    ctx.counts["streets with a champion"] = len({role.street_id for role in roles})


def clear() -> None:
    ChampionMessage.objects.filter(pk__in=remembered(ChampionMessage)).delete()
    StreetChampion.objects.filter(pk__in=remembered(StreetChampion)).delete()
    ChampionApplication.objects.filter(pk__in=remembered(ChampionApplication)).delete()
    for model in (ChampionMessage, StreetChampion, ChampionApplication):
        forget(model)
