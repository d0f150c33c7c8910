"""Every write to councillors' seats, surgeries and questions.

What cannot be done raises coproduce.common.errors.Refusal (NotAllowed when the person may
not do it at all), with a message for the person.
"""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.roles import Role
from coproduce.accounts.services import user_set_roles
from coproduce.common import limits
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings import permissions as event_permissions
from coproduce.gatherings.models import Event
from coproduce.gatherings.services.events import event_cancel, event_create
from coproduce.notifications.services import notify
from coproduce.places.models import Place, Ward
from coproduce.staff.services import audit_record

from . import kinds, permissions
from .models import MAX_ANSWER, MAX_QUESTION, Question, Seat, Surgery

LIVE = (Seat.Status.OFFERED, Seat.Status.ACCEPTED)


def _lock(seat: Seat) -> Seat:
    # Only the seat's own row is locked: PostgreSQL cannot lock the nullable side of the
    # outer join a select_related("person") makes.
    return (
        Seat.objects.select_for_update(of=("self",))
        .select_related("ward", "person")
        .get(pk=seat.pk)
    )


def _roles_of(user) -> set[Role]:
    names = set(user.groups.values_list("name", flat=True))
    return {role for role in Role if role.value in names}


def _set_councillor_role(user, *, on: bool, by) -> None:
    roles = _roles_of(user)
    wanted = roles | {Role.COUNCILLOR} if on else roles - {Role.COUNCILLOR}
    if wanted != roles:
        user_set_roles(user=user, roles=wanted, by=by)


def _seats_url() -> str:
    return reverse("councillors:mine")


@transaction.atomic
def seat_offer(
    *, person, ward: Ward, public_name: str, by, party: str = "", role: str = ""
) -> Seat:
    """Ask a person (an existing account) to be shown as a councillor for a ward.

    Guarantees: nothing about the seat is public until the person accepts; they are told.
    """
    if not permissions.can_manage_councillors(by):
        raise NotAllowed(_("Only council officers can add councillors."))
    if not person.is_active:
        raise Refusal(_("That account is closed."), field="email")
    public_name = public_name.strip()
    if not public_name:
        raise Refusal(_("Enter the councillor's name as it should appear"), field="public_name")
    if Seat.objects.filter(person=person, ward=ward, status__in=LIVE).exists():
        raise Refusal(_("This person is already a councillor for this ward, or has been asked."))
    seat = Seat.objects.create(
        person=person,
        ward=ward,
        public_name=public_name,
        party=party.strip(),
        role=role.strip(),
        offered_by=by,
    )
    audit_record(
        actor=by,
        action="councillors.seat_offered",
        target=f"person {person.pk}",
        detail={"seat": seat.pk, "ward": ward.pk},
    )
    notify(
        recipient=person,
        kind=kinds.COUNCILLOR_SEATS.slug,
        title=_("Will you be shown as a councillor for %(ward)s?") % {"ward": ward.name},
        body=_(
            "The council has asked to show you as a councillor for %(ward)s, as "
            "“%(name)s”. Nothing is shown until you accept."
        )
        % {"ward": ward.name, "name": public_name},
        url=_seats_url(),
    )
    return seat


@transaction.atomic
def seat_accept(*, seat: Seat, by, now: datetime | None = None) -> Seat:
    """The person agrees: from now their seat, public name, party and role are public."""
    seat = _lock(seat)
    if seat.person_id is None or seat.person_id != by.pk:
        raise NotAllowed(_("Only the person asked can accept."))
    if seat.status != Seat.Status.OFFERED:
        raise Refusal(_("This is no longer waiting for your answer."))
    seat.status = Seat.Status.ACCEPTED
    seat.accepted_at = now or timezone.now()
    seat.save(update_fields=["status", "accepted_at", "updated_at"])
    _set_councillor_role(seat.person, on=True, by=by)
    return seat


@transaction.atomic
def seat_decline(*, seat: Seat, by, now: datetime | None = None) -> Seat:
    """The person says no: nothing is shown, and the officer can ask again later."""
    seat = _lock(seat)
    if seat.person_id is None or seat.person_id != by.pk:
        raise NotAllowed(_("Only the person asked can say no."))
    if seat.status != Seat.Status.OFFERED:
        raise Refusal(_("This is no longer waiting for your answer."))
    seat.status = Seat.Status.DECLINED
    seat.ended_at = now or timezone.now()
    seat.save(update_fields=["status", "ended_at", "updated_at"])
    return seat


@transaction.atomic
def seat_step_down(*, seat: Seat, by, now: datetime | None = None) -> Seat:
    """The councillor (or an officer for them) ends the seat: it is no longer shown, their
    upcoming surgeries that `by` may cancel are cancelled, and past answers stay public."""
    now = now or timezone.now()
    seat = _lock(seat)
    is_self = seat.person_id is not None and seat.person_id == by.pk
    if not (is_self or permissions.can_manage_councillors(by)):
        raise NotAllowed(_("Only the councillor or a council officer can do this."))
    if seat.status not in LIVE:
        raise Refusal(_("This councillor has already stepped down."))
    seat.status = Seat.Status.STEPPED_DOWN
    seat.ended_at = now
    seat.save(update_fields=["status", "ended_at", "updated_at"])
    if not is_self:
        audit_record(
            actor=by,
            action="councillors.seat_ended",
            target=f"person {seat.person_id}",
            detail={"seat": seat.pk, "ward": seat.ward_id},
        )
    for surgery in seat.surgeries.select_related("event").filter(
        event__status=Event.Status.SCHEDULED, event__starts_at__gt=now
    ):
        if event_permissions.can_manage(by, surgery.event):
            event_cancel(
                event=surgery.event,
                by=by,
                reason=_("The councillor has stepped down."),
                now=now,
            )
    if (
        seat.person is not None
        and not Seat.objects.filter(person=seat.person, status=Seat.Status.ACCEPTED).exists()
    ):
        _set_councillor_role(seat.person, on=False, by=by)
    return seat


@transaction.atomic
def surgery_schedule(
    *,
    seat: Seat,
    by,
    starts_at: datetime,
    ends_at: datetime,
    place: Place | None = None,
    online_url: str = "",
    description: str = "",
    now: datetime | None = None,
) -> Surgery:
    """Put on a surgery for an accepted seat, as an event in gatherings (a meet-up), so it is
    in the events list and calendars like any other. `by` (the councillor or an officer)
    organises the event."""
    if not permissions.can_schedule_surgery(by, seat):
        raise NotAllowed(_("Only the councillor or a council officer can do this."))
    names = {"name": seat.public_name, "ward": seat.ward.name}
    event = event_create(
        title=_("Councillor surgery: %(name)s") % names,
        summary=_("Meet %(name)s, a councillor for %(ward)s, and raise anything about the ward.")
        % names,
        kind=Event.Kind.MEET_UP,
        starts_at=starts_at,
        ends_at=ends_at,
        by=by,
        description=description,
        place=place,
        online_url=online_url,
        now=now,
    )
    return Surgery.objects.create(seat=seat, event=event)


def _clean_text(text: str, *, longest: int, empty: str, too_long: str, field: str) -> str:
    text = text.strip()
    if not text:
        raise Refusal(empty, field=field)
    if len(text) > longest:
        raise Refusal(too_long, field=field)
    return text


def _question_url(question: Question) -> str:
    ward_url = reverse("councillors:ward", args=[question.seat.ward.slug])
    return f"{ward_url}#question-{question.pk}"


@transaction.atomic
def question_ask(*, seat: Seat, asker, body: str, show_name: bool) -> Question:
    """A resident asks a councillor a question, shown on the ward's councillor page at once
    (moderators hide it if it is reported and breaks the rules). The councillor is told,
    at most RATE_LIMITS["councillor_question_notice"] times per seat."""
    if not permissions.can_ask(asker, seat):
        raise NotAllowed(_("You cannot ask this councillor a question."))
    body = _clean_text(
        body,
        longest=MAX_QUESTION,
        empty=_("Enter your question"),
        too_long=_("Your question must be %(n)s characters or fewer") % {"n": MAX_QUESTION},
        field="body",
    )
    question = Question.objects.create(seat=seat, asker=asker, body=body, show_name=show_name)
    if seat.person is not None and limits.within(
        "councillor_question_notice", per=f"seat:{seat.pk}"
    ):
        notify(
            recipient=seat.person,
            kind=kinds.COUNCILLOR_QUESTIONS.slug,
            title=_("A resident of %(ward)s asked you a question") % {"ward": seat.ward.name},
            body=body[:300],
            url=reverse("councillors:answer", args=[question.pk]),
        )
    return question


@transaction.atomic
def question_answer(
    *, question: Question, by, answer: str, now: datetime | None = None
) -> Question:
    """The councillor answers in public. The asker is told the first time; a later change
    to the answer is shown without telling them again."""
    question = (
        Question.objects.select_for_update(of=("self",))
        .select_related("seat__ward")
        .get(pk=question.pk)
    )
    if not permissions.can_answer(by, question):
        raise NotAllowed(_("Only the councillor asked can answer."))
    answer = _clean_text(
        answer,
        longest=MAX_ANSWER,
        empty=_("Enter your answer"),
        too_long=_("Your answer must be %(n)s characters or fewer") % {"n": MAX_ANSWER},
        field="answer",
    )
    first = question.answered_at is None
    question.answer = answer
    question.answered_at = question.answered_at or now or timezone.now()
    question.answered_by = by
    question.save(update_fields=["answer", "answered_at", "answered_by", "updated_at"])
    if first and question.asker is not None and question.asker.is_active:
        notify(
            recipient=question.asker,
            kind=kinds.COUNCILLOR_ANSWERS.slug,
            title=_("%(name)s answered your question") % {"name": question.seat.public_name},
            body=answer[:300],
            url=_question_url(question),
        )
    return question
