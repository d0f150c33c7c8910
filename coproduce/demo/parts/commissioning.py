"""A demo service choice panel: a part of the demo borough (coproduce/demo/parts/).

"Youth services for the next three years", a youth panel (ages 13 to 19) run by the demo
officer: five criteria, three bids, young members (those under 16 with a parent or carer's
consent recorded, every one under 18 protected from direct messages), a meeting at a
gathering with a named safe adult and their check, a declared interest, sealed scores all
submitted, moderated totals, the panel's recommendation and the council's decision.
`build(ctx)` after gatherings and demo accounts; `clear()` before them. Rows are made
directly (the story is in the past, which the services would rightly refuse).
"""

from datetime import date, timedelta
from decimal import Decimal

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.commissioning.models import (
    Bid,
    Criterion,
    Declaration,
    GuardianConsent,
    Meeting,
    Member,
    ModeratedTotal,
    Panel,
    Score,
)
from coproduce.commissioning.sums import adult_from, is_child, needs_guardian_consent
from coproduce.gatherings.models import Event
from coproduce.messaging.models import ContactProtection
from coproduce.messaging.protection import contact_protection_set
from coproduce.places.models import Place

from ..context import DemoContext, forget, remembered
from .accounts import email_for
from .people import demo_residents

MEMBERS = 9
PANEL = {
    "title": "Youth services for the next three years",
    "why": (
        "The contracts for youth clubs and detached youth work end in March. Young people "
        "told us the clubs close too early and are hard to reach from some estates. We want "
        "young people to help choose who runs them next."
    ),
    "budget": "About £450,000 a year for three years.",
    "timetable": (
        "Bids closed in September. The panel met and scored the bids in October. The panel "
        "recommended in November. The council decided in December."
    ),
}
CRITERIA = [
    ("Reaches the young people who need it most", 30),
    ("Young people help run it", 20),
    ("Open when young people want it, evenings and weekends", 20),
    ("Keeps young people safe", 20),
    ("Value for money", 10),
]
BIDS = [
    (
        "Northside Youth Trust",
        "Four youth clubs open until 10pm, a bus that visits estates, and a youth council.",
        "£440,000 a year; 3 years; break clause after year 2.",
    ),
    (
        "Riverside Community Partnership",
        "Two large centres with sport, music and a café run by young people.",
        "£455,000 a year; 3 years.",
    ),
    (
        "Open Doors Youth Work CIC",
        "Detached youth workers in parks and streets, and pop-up sessions in libraries.",
        "£398,000 a year; 3 years; uses volunteers for weekend sessions.",
    ),
]
# How each bid tends to score (0 to 5), before each member's own view moves it.
LEANING = [4, 3, 3]
REASONS = [
    "They go to the estates, not just the town centre.",
    "Young people would run parts of it themselves.",
    "Late opening on Fridays is what we asked for.",
    "The plan for keeping people safe is clear.",
    "It costs a bit more but does more.",
    "Not much about weekends.",
    "I liked the music studio idea.",
]
AGES = [13, 14, 15, 15, 16, 17, 17, 18, 19]


def _born(rng, today: date, age: int) -> date:
    return date(today.year - age, today.month, 1) - timedelta(days=rng.randrange(1, 300))


def build(ctx: DemoContext) -> None:
    rng = ctx.random("commissioning")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    residents = [user_id for user_id, _ward in demo_residents()]
    if officer is None or len(residents) < MEMBERS:
        return
    now = ctx.now
    today = now.date()
    panel = Panel.objects.create(
        **PANEL,
        status=Panel.Status.DECIDED,
        is_youth=True,
        age_min=13,
        age_max=19,
        created_by=officer,
        published_at=now - timedelta(days=120),
    )
    panel.officers.add(officer)
    criteria = [
        Criterion.objects.create(panel=panel, title=title, weight=weight, position=n)
        for n, (title, weight) in enumerate(CRITERIA, start=1)
    ]
    bids = [
        Bid.objects.create(
            panel=panel,
            bidder=bidder,
            public_summary=summary,
            commercial_details=private,
            recorded_by=officer,
        )
        for bidder, summary, private in BIDS
    ]
    people = rng.sample(residents[-200:], MEMBERS)
    members = []
    for user_id, age in zip(people, AGES, strict=True):
        born = _born(rng, today, age)
        member = Member.objects.create(
            panel=panel,
            user_id=user_id,
            status=Member.Status.ACTIVE,
            why_join=rng.choice(["I go to the club on Fridays.", "I want more things to do."]),
            date_of_birth=born,
            joined_at=now - timedelta(days=100),
            submitted_at=now - timedelta(days=50),
        )
        members.append(member)
        if needs_guardian_consent(born, today):
            GuardianConsent.objects.create(
                member=member,
                given_by="A parent or carer",
                relationship=rng.choice(["mother", "father", "foster carer", "grandmother"]),
                how=rng.choice(GuardianConsent.How.values),
                given_on=today - timedelta(days=95),
                recorded_by=officer,
            )
        if is_child(born, today):
            contact_protection_set(
                user=member.user,
                source=f"commissioning.member:{member.pk}",
                reason="A young member of a service choice panel",
                until=adult_from(born),
            )
    _meeting(panel, officer, now)
    conflicted = members[4]
    scores = []
    for member in members:
        for n, bid in enumerate(bids):
            interest = member is conflicted and n == 1
            Declaration.objects.create(
                member=member,
                bid=bid,
                has_interest=interest,
                details="My brother volunteers at Riverside." if interest else "",
            )
            if interest:
                continue
            for criterion in criteria:
                value = max(0, min(5, LEANING[n] + rng.choice([-1, 0, 0, 1])))
                scores.append(
                    Score(
                        member=member,
                        bid=bid,
                        criterion=criterion,
                        score=value,
                        reason=rng.choice(REASONS),
                    )
                )
    Score.objects.bulk_create(scores)
    for bid, total in zip(bids, ("78.0", "63.5", "61.0"), strict=True):
        ModeratedTotal.objects.create(
            bid=bid,
            total=Decimal(total),
            reason="Agreed at the moderation meeting after talking the scores through.",
            by=officer,
        )
    panel.recommended_bid = bids[0]
    panel.recommendation = "The panel recommends Northside Youth Trust."
    panel.recommendation_reasons = (
        "They scored highest. They go out to the estates, open late, and young people will "
        "help run the clubs. Everyone on the panel agreed."
    )
    panel.recommended_at = now - timedelta(days=30)
    panel.decision = "The council has given the contract to Northside Youth Trust."
    panel.decision_reasons = (
        "We followed the panel's advice. The bid was good value and met what young people "
        "asked for. We will ask the panel to check on it after one year."
    )
    panel.decided_at = now - timedelta(days=7)
    panel.save()
    ctx.remember([panel])


def _meeting(panel, officer, now) -> None:
    place = Place.objects.order_by("pk").first()
    starts = now - timedelta(days=60)
    event = Event.objects.create(
        title="Youth panel: scoring the bids",
        summary="The youth panel meets to talk about the bids and score them.",
        kind=Event.Kind.WORKSHOP,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place=place,
        online_url="" if place else "https://meet.example.org/youth-panel",
        created_by=officer,
    )
    event.organisers.add(officer)
    Meeting.objects.create(
        panel=panel,
        event=event,
        safe_adult_name="Jo Okafor, youth worker",
        check_kind="Enhanced DBS check",
        checked_on=(now - timedelta(days=200)).date(),
        recorded_by=officer,
    )


def clear() -> None:
    panels = Panel.objects.filter(pk__in=remembered(Panel))
    members = Member.objects.filter(panel__in=panels)
    ContactProtection.objects.filter(
        source__in=[f"commissioning.member:{pk}" for pk in members.values_list("pk", flat=True)]
    ).delete()
    events = list(Meeting.objects.filter(panel__in=panels).values_list("event_id", flat=True))
    panels.delete()
    Event.objects.filter(pk__in=events).delete()
    forget(Panel)
