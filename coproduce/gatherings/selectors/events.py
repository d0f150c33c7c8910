"""Reads of events and places at them: lists, one event's page, a person's place, the
waiting list, and who is coming."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from coproduce.discussion import hiding

from .. import unlisted
from ..models import Event, EventOrganiserInvitation, Rsvp, Series

PAGE_SIZE = 20


def events_upcoming(
    *,
    now: datetime | None = None,
    kind: str = "",
    ward=None,
    series: Series | None = None,
    q: str = "",
    include_past: bool = False,
) -> QuerySet[Event]:
    """Events still to come (or all), soonest first, with what a list shows; none that a
    moderator hid."""
    now = now or timezone.now()
    events = hiding.exclude_hidden(Event.objects.select_related("place__ward", "series"))
    events = unlisted.exclude_unlisted(events)
    if not include_past:
        events = events.filter(ends_at__gt=now)
    if kind:
        events = events.filter(kind=kind)
    if ward is not None:
        events = events.filter(place__ward=ward)
    if series is not None:
        events = events.filter(series=series)
    if q:
        events = events.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return events.order_by("starts_at", "pk")


def event_detail(pk: int) -> Event | None:
    # created_by: with the organisers, who may not report their own event (report_targets).
    return (
        unlisted.with_unlisted_flags(
            Event.objects.select_related(
                "place__ward",
                "place__building",
                "series",
                "group",
                "room_booking__room__place",
                "created_by",
            )
        )
        .prefetch_related("organisers")
        .filter(pk=pk)
        .first()
    )


def event_to_join(pk: int) -> Event | None:
    """The event and its place, for taking a place: what the place's notice says, and not
    the rest the event's page shows (half the time of an RSVP went on loading that)."""
    events = unlisted.with_unlisted_flags(Event.objects.select_related("place"))
    return events.filter(pk=pk).first()


def rsvp_of(event: Event, user) -> Rsvp | None:
    if user is None or not user.is_authenticated:
        return None
    return Rsvp.objects.filter(event=event, user=user).first()


def waiting_position(rsvp: Rsvp) -> int | None:
    """1 for the first person waiting."""
    if rsvp.status != Rsvp.Status.WAITING:
        return None
    ahead = Rsvp.objects.filter(event_id=rsvp.event_id, status=Rsvp.Status.WAITING).filter(
        Q(queued_at__lt=rsvp.queued_at) | Q(queued_at=rsvp.queued_at, pk__lt=rsvp.pk)
    )
    return ahead.count() + 1


def attendees_for_organisers(event: Event) -> QuerySet[Rsvp]:
    """Everyone with a place or waiting, with what they asked for: for organisers only."""
    return (
        event.rsvps.exclude(status=Rsvp.Status.CANCELLED)
        .select_related("user__profile", "invited_by__profile")
        .order_by("status", "queued_at", "pk")
    )


def access_summary(event: Event) -> dict[str, int]:
    """How many people with a place asked for each kind of support."""
    counts: dict[str, int] = defaultdict(int)
    for requests in event.rsvps.filter(status=Rsvp.Status.CONFIRMED).values_list(
        "access_requests", flat=True
    ):
        for value in requests:
            counts[value] += 1
    return dict(counts)


def events_of(user, *, now: datetime | None = None, past: bool = False) -> QuerySet[Rsvp]:
    """A person's places and waiting-list places, soonest first (or latest first if past)."""
    now = now or timezone.now()
    rsvps = (
        Rsvp.objects.filter(user=user)
        .exclude(status=Rsvp.Status.CANCELLED)
        .select_related("event__place", "event__series")
    )
    if past:
        return rsvps.filter(event__ends_at__lte=now).order_by("-event__starts_at")
    return rsvps.filter(event__ends_at__gt=now).order_by("event__starts_at")


def events_organised_by(user, *, now: datetime | None = None) -> QuerySet[Event]:
    now = now or timezone.now()
    return (
        Event.objects.filter(organisers=user, ends_at__gt=now - timedelta(days=30))
        .select_related("place")
        .order_by("starts_at")
    )


def organiser_invitations_waiting(event: Event) -> list[EventOrganiserInvitation]:
    """Invitations to help run the event not yet answered, for its organisers."""
    return list(
        EventOrganiserInvitation.objects.filter(
            event=event, status=EventOrganiserInvitation.Status.PENDING
        )
        .select_related("person__profile")
        .order_by("-created_at", "-pk")
    )


def organiser_invitation_for(*, pk: int, user) -> EventOrganiserInvitation | None:
    """The invitation, only for the person invited (nobody else learns it exists)."""
    if not user.is_authenticated:
        return None
    return (
        EventOrganiserInvitation.objects.select_related("event", "invited_by")
        .filter(pk=pk, person=user)
        .first()
    )
