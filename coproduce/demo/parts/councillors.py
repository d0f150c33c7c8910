"""Demo councillors: a part of the demo borough (coproduce/demo/parts/).

Two or three residents of each ward are offered a councillor's seat by the demo officer and
accept it, through the councillors services (the demo councillor account gets a seat in the
first ward); each ward has a surgery coming up, and residents' questions, most answered.
`build(ctx)` after people, places, accounts and gatherings; `clear()` before them.
"""

from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.councillors import services
from coproduce.councillors.models import Question, Seat, Surgery
from coproduce.gatherings.models import Event
from coproduce.places.models import Place

from ..context import DemoContext, forget, remembered
from .accounts import email_for

PARTIES = ["Independent", "Labour", "Conservative", "Green Party", "Liberal Democrats"]
ROLES = ["", "", "Cabinet member for housing", "Cabinet member for parks", "Mayor"]
QUESTIONS = [
    ("When will the street lights on our road be fixed?", "They are on the list for next month."),
    ("Can we have a crossing outside the school?", "I have asked highways to look at it."),
    ("Why did the library cut its Saturday hours?", "Fewer staff. I am pushing to restore them."),
    ("Who do I ask about fly-tipping in the alley?", "Report it online; I will chase it too."),
    ("Will the community centre stay open next year?", ""),
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("councillors")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    if officer is None:
        return
    demo_councillor = User.objects.filter(email=email_for(Role.COUNCILLOR)).first()
    seats, surgeries, questions = [], [], []
    # Councillors need not live in their ward; askers come from anyone with an account.
    pool = list(
        User.objects.filter(is_active=True, is_staff=False, email__isnull=False)
        .exclude(email__in=[email_for(role) for role in Role])
        .order_by("pk")[:600]
    )
    if len(pool) < 6:
        return
    rng.shuffle(pool)
    taken = 0
    for index, ward in enumerate(ctx.wards):
        count = rng.randint(2, 3)
        people = [pool[(taken + n) % len(pool)] for n in range(count)]
        taken += count
        if index == 0 and demo_councillor is not None:
            people[0] = demo_councillor
        askers = [person for person in rng.sample(pool, 4) if person not in people]
        ward_seats = []
        for person in people:
            seat = services.seat_offer(
                person=person,
                ward=ward,
                public_name=f"Councillor {person.display_name or 'Pat Jones'}".strip(". "),
                party=rng.choice(PARTIES),
                role=rng.choice(ROLES),
                by=officer,
            )
            ward_seats.append(services.seat_accept(seat=seat, by=person))
        seats.extend(ward_seats)
        place = Place.objects.filter(ward=ward, is_listed=True).order_by("pk").first()
        start = (ctx.now + timedelta(days=rng.randint(3, 20))).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        surgery = services.surgery_schedule(
            seat=ward_seats[0],
            by=officer,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place=place,
            online_url="" if place else "https://example.org/surgery",
            now=ctx.now,
        )
        surgeries.append(surgery)
        for number, (text, answer) in enumerate(rng.sample(QUESTIONS, 3)):
            seat = ward_seats[number % len(ward_seats)]
            question = services.question_ask(
                seat=seat,
                asker=askers[number % len(askers)],
                body=text,
                show_name=number == 0,
            )
            if answer:
                services.question_answer(question=question, by=seat.person, answer=answer)
            questions.append(question)
    ctx.remember(seats)
    ctx.remember(surgeries)
    ctx.remember(questions)
    ctx.counts["councillors"] = len(seats)


def clear() -> None:
    events = Surgery.objects.filter(pk__in=remembered(Surgery)).values("event_id")
    Question.objects.filter(pk__in=remembered(Question)).delete()
    Event.objects.filter(pk__in=events).delete()
    Seat.objects.filter(pk__in=remembered(Seat)).delete()
    forget(Question)
    forget(Surgery)
    forget(Seat)
