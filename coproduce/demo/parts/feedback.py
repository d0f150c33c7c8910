"""Demo feedback on services: a part of the demo borough (coproduce/demo/parts/).

A year of feedback across the borough's services, some through easy read, some named, some
asking to be contacted, and about two in five answered by the council's officer (most in
public). One response per resident on average, so the large borough has 100,000. Rows go in
with bulk_create, bypassing the services on purpose: nobody is notified or emailed about
made-up feedback. `build(ctx)` after services and people; `clear()` before them.
"""

from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.directory.models import Service
from coproduce.feedback.models import Feedback

from ..context import BATCH_SIZE, DEMO_EMAIL_DOMAIN, DemoContext, forget, keeping_dates, remembered
from .accounts import email_for
from .people import demo_residents

DAYS = 365
RATING_WEIGHTS = (6, 9, 20, 35, 30)  # very bad .. very good
SIGNED_IN_SHARE = 0.6
NAMED_SHARE = 0.3  # of those signed in
EASY_READ_SHARE = 0.15
WORDS_PUBLIC_SHARE = 0.5
ANSWERED_SHARE = 0.4
PUBLIC_ANSWER_SHARE = 0.7

WENT_WELL = [
    "The staff were kind and listened to me.",
    "It was quick and I did not have to wait long.",
    "They explained everything in plain words.",
    "Friendly welcome and a warm room.",
    "My son loved it and wants to go again.",
    "They helped me fill in the form.",
    "",
]
BETTER = [
    "The door is heavy for a wheelchair.",
    "I waited a long time on the phone.",
    "More sessions in the evening, please.",
    "The sign outside is hard to read.",
    "It would help to have someone who speaks Polish.",
    "The room was cold.",
    "",
]
ANSWERS = [
    "Thank you. We have asked the building manager to fix the door.",
    "Sorry about the wait. We now have a second person on the phone in the mornings.",
    "Thank you for the kind words. We will pass them on to the team.",
    "We are trying an evening session from next month.",
    "Thank you. We have ordered a bigger, clearer sign.",
]


def _count(ctx: DemoContext) -> int:
    return ctx.size.people  # 100,000 on the large borough


def build(ctx: DemoContext) -> None:
    rng = ctx.random("feedback")
    service_ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    if not service_ids:
        ctx.counts["feedback"] = 0
        return
    residents = [user_id for user_id, _ward in demo_residents()]
    officer_id = User.objects.filter(email=email_for(Role.OFFICER)).values_list("pk", flat=True)
    officer_id = officer_id.first()
    # Some services are busier than others.
    weights = [rng.choice((1, 2, 4, 8)) for _ in service_ids]
    total = _count(ctx)
    services_drawn = rng.choices(service_ids, weights=weights, k=total)
    made = []
    with keeping_dates(Feedback), ctx.progress(total=total, desc="Feedback") as bar:
        for number, service_id in enumerate(services_drawn):
            made.append(_one(ctx, rng, number, service_id, residents, officer_id))
            if len(made) >= BATCH_SIZE:
                _save(ctx, made)
                bar.update(len(made))
                made = []
        _save(ctx, made)
        bar.update(len(made))
    ctx.counts["feedback"] = total


def _save(ctx: DemoContext, rows: list[Feedback]) -> None:
    if rows:
        ctx.remember(Feedback.objects.bulk_create(rows, batch_size=BATCH_SIZE))


def _one(ctx, rng, number: int, service_id: int, residents: list[int], officer_id) -> Feedback:
    created = ctx.now - timedelta(days=rng.random() * DAYS)
    person_id = rng.choice(residents) if residents and rng.random() < SIGNED_IN_SHARE else None
    contact_roll = rng.random()
    if person_id and contact_roll < 0.2:
        contact_by, contact_email = Feedback.ContactBy.ACCOUNT, ""
    elif contact_roll < 0.25:
        contact_by = Feedback.ContactBy.EMAIL
        contact_email = f"feedback-{number:06d}@{DEMO_EMAIL_DOMAIN}"
    else:
        contact_by, contact_email = Feedback.ContactBy.NONE, ""
    feedback = Feedback(
        service_id=service_id,
        person_id=person_id,
        show_name=bool(person_id) and rng.random() < NAMED_SHARE,
        rating=rng.choices((1, 2, 3, 4, 5), weights=RATING_WEIGHTS)[0],
        went_well=rng.choice(WENT_WELL),
        could_be_better=rng.choice(BETTER),
        contact_by=contact_by,
        contact_email=contact_email,
        words_public=rng.random() < WORDS_PUBLIC_SHARE,
        via=Feedback.Via.EASY_READ if rng.random() < EASY_READ_SHARE else Feedback.Via.STANDARD,
        created_at=created,
        updated_at=created,
    )
    if officer_id and rng.random() < ANSWERED_SHARE:
        answered = min(created + timedelta(days=rng.randint(1, 14)), ctx.now)
        feedback.answer = rng.choice(ANSWERS)
        feedback.answer_is_public = rng.random() < PUBLIC_ANSWER_SHARE
        feedback.answered_at = answered
        feedback.answered_by_id = officer_id
        feedback.updated_at = answered
    return feedback


def clear() -> None:
    Feedback.objects.filter(pk__in=remembered(Feedback)).delete()
    forget(Feedback)
