"""Reads for councillors: a ward's councillors, surgeries and questions, a person's seats, and
the questions waiting for a councillor."""

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from coproduce.discussion.hiding import exclude_hidden
from coproduce.gatherings.models import Event
from coproduce.places.models import Ward

from .models import Question, Seat, Surgery

# A question with no answer after this long is shown as waiting.
WAITING_AFTER = timedelta(days=28)
SURGERIES_SHOWN = 10


def ward_by_slug(slug: str) -> Ward | None:
    return Ward.objects.filter(slug=slug).only("id", "name", "slug").first()


def ward_councillors(ward: Ward) -> list[Seat]:
    """The ward's councillors who accepted, by name. Only what the seat says is public."""
    return list(
        Seat.objects.filter(ward=ward, status=Seat.Status.ACCEPTED)
        .only("id", "public_name", "party", "role", "status", "person_id", "ward_id")
        .order_by("public_name", "pk")
    )


def ward_surgeries(ward: Ward, *, now: datetime | None = None) -> list[Surgery]:
    """The next surgeries of the ward's councillors, soonest first."""
    now = now or timezone.now()
    return list(
        Surgery.objects.filter(
            seat__ward=ward,
            seat__status=Seat.Status.ACCEPTED,
            event__status=Event.Status.SCHEDULED,
            event__ends_at__gt=now,
        )
        .select_related("seat", "event__place")
        .order_by("event__starts_at", "pk")[:SURGERIES_SHOWN]
    )


def ward_questions(ward: Ward) -> QuerySet[Question]:
    """Questions put to the ward's councillors (past councillors too: their answers stay),
    newest first, without those moderators hid."""
    return exclude_hidden(
        Question.objects.filter(seat__ward=ward)
        .exclude(seat__status__in=[Seat.Status.OFFERED, Seat.Status.DECLINED])
        .select_related("seat", "asker__profile")
        .order_by("-created_at", "-pk")
    )


def mark_waiting(questions, *, now: datetime | None = None) -> list[Question]:
    """The questions, each with `waiting` set: unanswered for more than 28 days."""
    now = now or timezone.now()
    marked = list(questions)
    for question in marked:
        question.waiting = question.answered_at is None and (
            question.created_at < now - WAITING_AFTER
        )
    return marked


def question_for_page(pk: int) -> Question | None:
    return Question.objects.select_related("seat__ward", "asker__profile").filter(pk=pk).first()


def seat_for_page(pk: int) -> Seat | None:
    return Seat.objects.select_related("ward", "person").filter(pk=pk).first()


def seats_of(user) -> list[Seat]:
    """A person's seats that are waiting for their answer or accepted."""
    return list(
        Seat.objects.filter(
            person=user, status__in=[Seat.Status.OFFERED, Seat.Status.ACCEPTED]
        ).select_related("ward")
    )


def questions_waiting_for(user) -> list[Question]:
    """Unanswered questions to this person's accepted seats, oldest first."""
    return mark_waiting(
        exclude_hidden(
            Question.objects.filter(
                seat__person=user, seat__status=Seat.Status.ACCEPTED, answered_at__isnull=True
            )
            .select_related("seat__ward", "asker__profile")
            .order_by("created_at", "pk")
        )
    )


def seats_for_officers() -> QuerySet[Seat]:
    """Every seat waiting or accepted, by ward, for the officers' page."""
    return (
        Seat.objects.filter(status__in=[Seat.Status.OFFERED, Seat.Status.ACCEPTED])
        .select_related("ward")
        .order_by("ward__name", "public_name", "pk")
    )
