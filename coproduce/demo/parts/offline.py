"""Demo residents who are not online: a part of the demo borough (coproduce/demo/parts/).

Some residents registered by the demo officer with no email address, each with their consent
recorded, a way to be contacted and a few acts in their log (a place at an event, news by
post, answers to an open survey); and walk-ins counted at past events. `build(ctx)` after
gatherings, surveys, subscriptions and champions; `clear()` before them.

Records, consent and log rows go in with bulk_create, bypassing the services on purpose (the
demo officer's permission comes from the role table); places, subscriptions and answers go
through their own apps' services, so event counts and constraints hold.
"""

from django.contrib.auth.models import Group
from django.db import models

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.offline import consent
from coproduce.offline.models import Act, Consent, OfflineResident, StreetNote, WalkIns
from coproduce.people.models import Profile
from coproduce.places.models import Street
from coproduce.subscriptions.services import subscription_add
from coproduce.surveys.models import Question, Survey
from coproduce.surveys.services.responses import response_submit

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from ..models import DemoObject
from .accounts import email_for

PEOPLE_PER_OFFLINE_RESIDENT = 1_000  # about one in a thousand, at least a handful
MIN_RESIDENTS = 6
MAX_RESIDENTS = 200
FIRST_NAMES = ["Edna", "Arthur", "Gwen", "Stanley", "Irene", "Malik", "Rosa", "Winston", "Priya"]
LAST_NAMES = ["Price", "Okafor", "Hughes", "Begum", "Walsh", "Kowalski", "Bennett", "Shah"]
WALK_IN_SHARE = 0.5


def _officer() -> User | None:
    return User.objects.filter(email=email_for(Role.OFFICER)).first()


def _residents(ctx: DemoContext, officer: User, rng) -> list[OfflineResident]:
    count = min(MAX_RESIDENTS, max(MIN_RESIDENTS, ctx.size.people // PEOPLE_PER_OFFLINE_RESIDENT))
    streets = list(Street.objects.select_related("ward").order_by("pk"))
    if not streets:
        return []
    users = User.objects.bulk_create(
        [
            User(
                email=None,
                display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                password="!",  # unusable: they do not sign in until they take over
                date_joined=ctx.now,
            )
            for _ in range(count)
        ],
        batch_size=BATCH_SIZE,
    )
    ctx.remember(users)
    resident_group = Group.objects.get(name=Role.RESIDENT)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user.pk, group_id=resident_group.pk) for user in users]
    )
    chosen = [rng.choice(streets) for _ in users]
    Profile.objects.bulk_create(
        [
            Profile(user=user, street=street, ward=street.ward)
            for user, street in zip(users, chosen, strict=True)
        ],
        batch_size=BATCH_SIZE,
    )
    records = []
    for n, (user, street) in enumerate(zip(users, chosen, strict=True)):
        how = OfflineResident.Contact.values[n % 3]
        records.append(
            OfflineResident(
                user=user,
                street=street,
                ward=street.ward,
                contact_by=how,
                postal_address=f"{rng.randint(1, 120)} {street.name}\nNorthbrook"
                if how == "post"
                else "",
                phone=f"01632 {rng.randint(100000, 999999)}" if how == "phone" else "",
                registered_by=officer,
            )
        )
    records = OfflineResident.objects.bulk_create(records, batch_size=BATCH_SIZE)
    Consent.objects.bulk_create(
        [
            Consent(
                resident=record,
                taken_by=officer,
                taken_at=ctx.now,
                how=Consent.How.IN_PERSON,
                script=consent.script(),
                agreed_to=list(consent.AGREEMENTS),
            )
            for record in records
        ],
        batch_size=BATCH_SIZE,
    )
    _log(
        [
            (record, Act.Kind.REGISTERED, "", f"offline.offlineresident:{record.pk}")
            for record in records
        ],
        officer,
        ctx,
    )
    _log([(record, Act.Kind.CONSENT, "", "") for record in records], officer, ctx)
    return records


def _log(entries, officer: User, ctx: DemoContext) -> None:
    Act.objects.bulk_create(
        [
            Act(
                resident=record,
                for_user_id=record.user_id,
                by=officer,
                kind=kind,
                summary=summary[:300],
                target=target,
                at=ctx.now,
            )
            for record, kind, summary, target in entries
        ],
        batch_size=BATCH_SIZE,
    )


def _take_part(ctx: DemoContext, records: list[OfflineResident], officer: User, rng) -> None:
    events = list(
        Event.objects.filter(starts_at__gt=ctx.now).exclude(status=Event.Status.CANCELLED)[:50]
    )
    survey = (
        Survey.objects.filter(
            status=Survey.Status.PUBLISHED,
            opens_at__lte=ctx.now,
            closes_at__gt=ctx.now,
            ward__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    entries = []
    for record in records:
        if events:
            event = rng.choice(events)
            try:
                rsvp = rsvp_join(event=event, user=record.user, now=ctx.now)
            except Refusal:
                pass
            else:
                entries.append(
                    (record, Act.Kind.RSVP, f"Place at {event.title}", f"gatherings.rsvp:{rsvp.pk}")
                )
        if record.contact_by == OfflineResident.Contact.POST:
            ward = f"ward:{record.ward_id}"
            sub = subscription_add(
                user=record.user, topic=ward, things=[], frequency=2, channel="post", by=officer
            )
            entries.append(
                (
                    record,
                    Act.Kind.SUBSCRIBED,
                    f"By post: {ward}",
                    f"subscriptions.subscription:{sub.pk}",
                )
            )
        if survey is not None:
            answers = _answers(survey, rng)
            try:
                response = response_submit(
                    survey=survey, respondent=record.user, answers=answers, way="online"
                )
            except Refusal:
                continue
            entries.append(
                (
                    record,
                    Act.Kind.POLL,
                    f"Answers on paper to {survey.title}",
                    f"surveys.response:{response.pk}",
                )
            )
    _log(entries, officer, ctx)


def _answers(survey: Survey, rng) -> dict:
    answers = {}
    for question in survey.questions.prefetch_related("options"):
        options = [option.pk for option in question.options.all()]
        if question.kind == Question.Kind.ONE:
            answers[question.pk] = rng.choice(options)
        elif question.kind == Question.Kind.SEVERAL:
            answers[question.pk] = rng.sample(options, k=min(2, len(options)))
        elif question.kind == Question.Kind.RANK:
            order = rng.sample(options, k=len(options))
            answers[question.pk] = {pk: place for place, pk in enumerate(order, start=1)}
        elif question.kind == Question.Kind.SCALE:
            answers[question.pk] = rng.choice(list(question.scale_values()))
    return answers


def _walk_ins(ctx: DemoContext, officer: User, rng) -> None:
    past = Event.objects.filter(starts_at__lt=ctx.now).exclude(status=Event.Status.CANCELLED)
    rows = [
        WalkIns(event_id=pk, count=rng.randint(1, 15), changed_by=officer)
        for pk in past.values_list("pk", flat=True).iterator()
        if rng.random() < WALK_IN_SHARE
    ]
    ctx.remember(WalkIns.objects.bulk_create(rows, batch_size=BATCH_SIZE))


def build(ctx: DemoContext) -> None:
    rng = ctx.random("offline")
    officer = _officer()
    if officer is None:
        return
    records = _residents(ctx, officer, rng)
    _take_part(ctx, records, officer, rng)
    _walk_ins(ctx, officer, rng)
    ctx.counts["offline residents"] = len(records)


def clear() -> None:
    ids = list(
        User.objects.filter(pk__in=remembered(User), email__isnull=True).values_list(
            "pk", flat=True
        )
    )
    people = User.objects.filter(pk__in=ids)
    # The log is append-only for everyone else; the demo removes its own rows whole.
    models.QuerySet.delete(Act.objects.filter(for_user__in=people))
    StreetNote.objects.filter(person__in=people).delete()
    OfflineResident.objects.filter(user__in=people).delete()
    WalkIns.objects.filter(pk__in=remembered(WalkIns)).delete()
    forget(WalkIns)
    Profile.objects.filter(user__in=people).delete()
    User.groups.through.objects.filter(user__in=people).delete()
    people.delete()
    DemoObject.objects.filter(model_label=User._meta.label_lower, object_id__in=ids).delete()
