"""Demo mystery shopping: a part of the demo borough (coproduce/demo/parts/).

"Is it easy to get help?": a running programme in which learning-disabled residents, most
with a carer or an advocate who helps them, visit or call 12 of the borough's services.
Most visits are done (online, in easy read, or typed in from paper by the officer), some
are still due, a few overdue; some shoppers claimed bus fares. `build(ctx)` after people,
demo accounts and services; `clear()` before them. Rows go in with bulk_create, bypassing
the services on purpose (visits made up in bulk, done in the past).
"""

from datetime import timedelta
from decimal import Decimal

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.directory.models import Service
from coproduce.shopping.models import (
    Answer,
    Expense,
    Programme,
    ProgrammeService,
    Question,
    Shopper,
    Visit,
)

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from .accounts import email_for
from .people import demo_residents

SERVICES = 12
SHOPPERS = 10
VISITS_PER_SERVICE = 6
DONE_SHARE = 0.75

PROGRAMME = {
    "title": "Is it easy to get help?",
    "guide": (
        "Go to the service, or phone it, as if you needed its help. Ask one simple question. "
        "Notice if the staff are kind, if they speak clearly, and if you can find your way. "
        "Then tell us what you found. You can use the easy-read pages or a paper form."
    ),
}
QUESTIONS = [
    (Question.Kind.SCALE, "How well were you treated?", "Were they kind to you?", "good"),
    (Question.Kind.YES_NO, "Did staff explain things clearly?", "Did they talk clearly?", "talk"),
    (Question.Kind.YES_NO, "Could you find your way in easily?", "Was it easy to get in?", "eye"),
    (Question.Kind.SCALE, "How was the service overall?", "Was it good?", "star"),
    (Question.Kind.WORDS, "What could be better?", "What can be better?", "better"),
]
WORDS = [
    "The lady at the desk was very kind.",
    "I waited a long time on the phone.",
    "The sign on the door was too small.",
    "They used long words. My advocate had to explain.",
    "The lift was broken so we used the stairs.",
    "They gave me a leaflet with pictures. That helped.",
    "Nobody said hello when I came in.",
    "They talked to my carer, not to me.",
]
SUPPORTERS = [
    (Shopper.SupporterKind.CARER, "Grace Okafor"),
    (Shopper.SupporterKind.ADVOCATE, "Tom Whitfield"),
    (Shopper.SupporterKind.CARER, "Priya Shah"),
    (Shopper.SupporterKind.ADVOCATE, "Megan Price"),
    (Shopper.SupporterKind.OTHER, "Dan Hughes"),
    (Shopper.SupporterKind.CARER, "Ruth Adeyemi"),
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("shopping")
    officer_id = User.objects.filter(email=email_for(Role.OFFICER)).values_list("pk", flat=True)
    officer_id = officer_id.first()
    services = list(
        Service.objects.filter(pk__in=remembered(Service), is_listed=True).order_by("pk")[:SERVICES]
    )
    residents = [user_id for user_id, _ward in demo_residents()]
    if not services or len(residents) < SHOPPERS or officer_id is None:
        return
    today = ctx.now.date()
    programme = Programme.objects.create(
        starts_on=today - timedelta(days=40),
        ends_on=today + timedelta(days=30),
        status=Programme.Status.OPEN,
        owner_id=officer_id,
        expenses_limit=Decimal("6.00"),
        **PROGRAMME,
    )
    ProgrammeService.objects.bulk_create(
        [ProgrammeService(programme=programme, service=service) for service in services]
    )
    Question.objects.bulk_create(
        [
            Question(
                programme=programme,
                position=n,
                kind=kind,
                text=text,
                easy_read_text=easy,
                picture=picture,
            )
            for n, (kind, text, easy, picture) in enumerate(QUESTIONS, start=1)
        ]
    )
    shoppers = []
    for n, person_id in enumerate(rng.sample(residents, SHOPPERS)):
        kind, name = SUPPORTERS[n] if n < len(SUPPORTERS) else ("", "")
        shoppers.append(
            Shopper(
                programme=programme,
                person_id=person_id,
                agreed_at=ctx.now - timedelta(days=38 - n),
                supporter_kind=kind,
                supporter_name=name,
            )
        )
    shoppers = Shopper.objects.bulk_create(shoppers)
    visits, answers, expenses = _visits(ctx, rng, programme, services, shoppers, officer_id)
    Visit.objects.bulk_create(visits, batch_size=BATCH_SIZE)
    for visit, rows in answers:
        for row in rows:
            row.visit = visit
    Answer.objects.bulk_create(
        [row for _visit, rows in answers for row in rows], batch_size=BATCH_SIZE
    )
    for expense in expenses:
        expense.visit_id = expense.visit.pk
    Expense.objects.bulk_create(expenses, batch_size=BATCH_SIZE)
    ctx.remember([programme])
    ctx.counts["mystery shopping visits"] = len(visits)


def _visits(ctx, rng, programme, services, shoppers, officer_id):
    today = ctx.now.date()
    questions = list(programme.questions.all())
    visits, answers, expenses = [], [], []
    for service in services:
        for n in range(VISITS_PER_SERVICE):
            shopper = shoppers[(services.index(service) + n) % len(shoppers)]
            done = rng.random() < DONE_SHARE
            visit = Visit(
                programme=programme,
                shopper=shopper,
                service=service,
                how=Visit.How.PHONE if rng.random() < 0.3 else Visit.How.VISIT,
                due_on=today + timedelta(days=rng.randint(-10, 20)),
                assigned_by_id=officer_id,
            )
            if done:
                way = rng.choices(
                    [Visit.Way.EASY_READ, Visit.Way.PAPER, Visit.Way.ONLINE], [5, 3, 2]
                )[0]
                visit.done_on = today - timedelta(days=rng.randint(1, 30))
                visit.recorded_at = ctx.now - timedelta(days=rng.randint(0, 1))
                visit.way = way
                visit.entered_by_id = officer_id if way == Visit.Way.PAPER else None
                if shopper.supporter_name and rng.random() < 0.8:
                    visit.with_supporter = True
                    visit.supporter_name = shopper.supporter_name
                answers.append((visit, [_answer(rng, q) for q in questions]))
                if rng.random() < 0.3:
                    amount = Decimal(rng.choice(["1.75", "2.50", "3.20", "4.40"]))
                    expenses.append(
                        Expense(
                            visit=visit,
                            amount=amount,
                            what_for="Bus fare",
                            status=rng.choice(list(Expense.Status.values)),
                        )
                    )
            visits.append(visit)
    return visits, answers, expenses


def _answer(rng, question: Question) -> Answer:
    if question.kind == Question.Kind.SCALE:
        return Answer(question=question, number=rng.choices([1, 2, 3, 4, 5], [1, 2, 3, 4, 3])[0])
    if question.kind == Question.Kind.YES_NO:
        return Answer(question=question, yes=rng.random() < 0.65)
    return Answer(question=question, words=rng.choice(WORDS))


def clear() -> None:
    # Questions, shoppers, visits, answers and expenses go with their programme.
    Programme.objects.filter(pk__in=remembered(Programme)).delete()
    forget(Programme)
