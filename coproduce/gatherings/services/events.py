"""Series and events: putting them on, changing and cancelling them.

Places at events (and the rule that none is ever overbooked) are in `places`.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import Enum

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.bookings import services as bookings
from coproduce.bookings.models import BookableRoom
from coproduce.common.dates.text import describe
from coproduce.common.errors import Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.places.models import Place

from .. import kinds, permissions, provisions
from ..models import Event, Rsvp, Series
from .common import event_url, lock_event, where
from .room_holds import check_room, hold_room
from .rsvps import promote_waiting

MAX_CAPACITY = 100_000
LONGEST_EVENT = timedelta(days=14)


class Keep(Enum):
    """`event_update(room=KEEP)`: keep the room the event holds (moving it with the times)."""

    ROOM = "keep"


KEEP = Keep.ROOM


def _check_details(
    *,
    title: str,
    summary: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    place: Place | None,
    online_url: str,
    capacity: int | None,
    access_provisions: Iterable[str],
) -> list[str]:
    if not title.strip():
        raise Refusal(_("Give the event a title."))
    if not summary.strip():
        raise Refusal(_("Say in a sentence what the event is."))
    if kind not in Event.Kind.values:
        raise Refusal(_("Choose a kind of event from the list."))
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("Event times must be aware datetimes.")
    if ends_at <= starts_at:
        raise Refusal(_("The end must be after the start."))
    if ends_at - starts_at > LONGEST_EVENT:
        raise Refusal(_("An event can last at most 14 days. For more, make a series."))
    if place is None and not online_url:
        raise Refusal(_("Choose a place, or give a link to join online."))
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise Refusal(_("Say how many places there are, from 1 to 100,000, or leave it empty."))
    offered = list(dict.fromkeys(access_provisions))
    if provisions.unknown(offered):
        raise Refusal(_("Choose access support from the list."))
    return offered


def _check_group(by, group: Organisation | None) -> None:
    if group is None or by.has_perm(permissions.MANAGE_ANY_EVENT):
        return
    if not Membership.objects.filter(
        organisation=group, user=by, role=Membership.Role.ORGANISER
    ).exists():
        raise Refusal(_("You can only run events for a group you organise."))


def save_with_free_slug(row, *, base: str) -> None:
    """Save a new row under the first free web address from `base`: base, base-2, base-3...
    Two people choosing the same name at once both succeed: the loser of the race at the
    unique index takes the next address."""
    number = 1
    while True:
        row.slug = base if number == 1 else f"{base}-{number}"
        if not type(row).objects.filter(slug=row.slug).exists():
            try:
                with transaction.atomic():
                    row.save()
                return
            except IntegrityError:
                if not type(row).objects.filter(slug=row.slug).exists():
                    raise  # another rule refused it, not the address
        number += 1


@transaction.atomic
def series_create(
    *,
    title: str,
    summary: str,
    kind: str,
    by,
    description: str = "",
    group: Organisation | None = None,
) -> Series:
    """A programme of events. Whoever creates it organises it."""
    if not permissions.can_create_events(by):
        raise Refusal(_("Only organisers and council officers can set up a series."))
    if not title.strip() or not summary.strip():
        raise Refusal(_("Give the series a title and a summary."))
    if kind not in Event.Kind.values:
        raise Refusal(_("Choose a kind of event from the list."))
    _check_group(by, group)
    series = Series(
        title=title.strip(),
        summary=summary.strip(),
        description=description.strip(),
        kind=kind,
        group=group,
        created_by=by,
    )
    save_with_free_slug(series, base=slugify(title)[:140] or "series")
    series.organisers.add(by)
    return series


@transaction.atomic
def series_update(*, series: Series, by, title: str, summary: str, kind: str) -> Series:
    """Change what a series is called and says; its address (slug) stays, so links work."""
    if not permissions.can_manage_series(by, series):
        raise Refusal(_("Only the series' organisers can change it."))
    if not title.strip() or not summary.strip():
        raise Refusal(_("Give the series a title and a summary."))
    if kind not in Event.Kind.values:
        raise Refusal(_("Choose a kind of event from the list."))
    series.title, series.summary, series.kind = title.strip(), summary.strip(), kind
    series.save(update_fields=["title", "summary", "kind", "updated_at"])
    return series


@transaction.atomic
def event_create(
    *,
    title: str,
    summary: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    by,
    description: str = "",
    place: Place | None = None,
    online_url: str = "",
    capacity: int | None = None,
    access_provisions: Iterable[str] = (),
    agenda_open: bool = False,
    series: Series | None = None,
    group: Organisation | None = None,
    room: BookableRoom | Keep | None = None,
    now: datetime | None = None,
) -> Event:
    """Put an event on. Whoever creates it is its first organiser.

    Guarantees: the event starts in the future, ends after it starts, is at a place or
    online, and offers only access support from the fixed list. With a `room` (a bookable
    room at `place`), the room's time is booked for it by the room's rules: confirmed, or
    asked for where the space's manager approves bookings; if the time clashes with a
    confirmed booking, nothing is stored and the Refusal names the clash. (`KEEP` means
    no room here: a new event has none to keep.)
    """
    now = now or timezone.now()
    if not permissions.can_create_events(by):
        raise Refusal(_("Only organisers and council officers can put on events."))
    if series is not None and not permissions.can_manage_series(by, series):
        raise Refusal(_("Only the series' organisers can add events to it."))
    _check_group(by, group)
    offered = _check_details(
        title=title,
        summary=summary,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_url=online_url,
        capacity=capacity,
        access_provisions=access_provisions,
    )
    if starts_at <= now:
        raise Refusal(_("The start must be in the future."))
    room = None if room is KEEP else room
    check_room(room, place)
    event = Event.objects.create(
        title=title.strip(),
        summary=summary.strip(),
        description=description.strip(),
        kind=kind,
        series=series,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_url=online_url,
        capacity=capacity,
        access_provisions=offered,
        agenda_open=agenda_open,
        group=group if group is not None else (series.group if series else None),
        created_by=by,
    )
    event.organisers.add(by)
    if room is not None:
        event.room_booking = hold_room(event=event, room=room, by=by, now=now)
        event.save(update_fields=["room_booking"])
    return event


def _tell(rsvps: Iterable[Rsvp], *, kind: str, title: str, body: str, url: str) -> None:
    for rsvp in rsvps:
        if rsvp.user.is_active:
            notify(recipient=rsvp.user, kind=kind, title=title, body=body, url=url)


@transaction.atomic
def event_update(
    *,
    event: Event,
    by,
    title: str,
    summary: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    description: str = "",
    place: Place | None = None,
    online_url: str = "",
    capacity: int | None = None,
    access_provisions: Iterable[str] = (),
    agenda_open: bool = False,
    room: BookableRoom | Keep | None = KEEP,
    now: datetime | None = None,
) -> Event:
    """Change an event. People with a place hear of a new time or place; if there are more
    places, people move up from the waiting list. Places can't drop below those taken.

    The room's time moves with the event (or is freed, with `room=None`, or on a move to
    another place); `room=KEEP` keeps the room it holds. A clash refuses the whole change.
    """
    now = now or timezone.now()
    event = lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise Refusal(_("Only the event's organisers can change it."))
    if event.is_cancelled:
        raise Refusal(_("This event has been cancelled."))
    offered = _check_details(
        title=title,
        summary=summary,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_url=online_url,
        capacity=capacity,
        access_provisions=access_provisions,
    )
    # A new start must be in the future, as when the event was put on; an event already
    # under way can still be corrected as long as its start stays put.
    if starts_at != event.starts_at and starts_at <= now:
        raise Refusal(_("The start must be in the future."))
    if capacity is not None and capacity < event.confirmed_count:
        raise Refusal(
            _(
                "%(count)s people already have a place. Give at least %(count)s places, "
                "or cancel some places first."
            )
            % {"count": event.confirmed_count}
        )
    if room is KEEP:
        hold = event.room_hold
        room = hold.room if hold is not None and place == event.place else None
    check_room(room, place)
    moved = (
        starts_at != event.starts_at
        or ends_at != event.ends_at
        or place != event.place
        or online_url != event.online_url
    )
    event.title, event.summary, event.description = title.strip(), summary.strip(), description
    event.kind, event.starts_at, event.ends_at = kind, starts_at, ends_at
    event.place, event.online_url, event.capacity = place, online_url, capacity
    event.access_provisions, event.agenda_open = offered, agenda_open
    event.room_booking = hold_room(event=event, room=room, by=by, now=now)
    event.sequence += 1
    event.save()
    if moved:
        going = event.rsvps.filter(status=Rsvp.Status.CONFIRMED).select_related("user")
        _tell(
            going,
            kind=kinds.EVENT_PLACE.slug,
            title=_("Change to %(event)s") % {"event": event.title},
            body=_("It is now %(when)s at %(where)s.")
            % {"when": describe(starts_at, ends_at), "where": where(event)},
            url=event_url(event),
        )
        # A new date deserves a new day-before reminder.
        going.update(reminder_sent_at=None)
    promote_waiting(event, now=now)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by, reason: str, now: datetime | None = None) -> Event:
    """Cancel an event, free any room it holds, and tell everyone who had a place or was
    waiting."""
    now = now or timezone.now()
    event = lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise Refusal(_("Only the event's organisers can cancel it."))
    if event.is_cancelled:
        raise Refusal(_("This event has already been cancelled."))
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Give a reason, so people know why."))
    event.status = Event.Status.CANCELLED
    event.cancel_reason = reason
    event.sequence += 1
    event.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    if event.room_booking is not None:
        # The room is free again for anyone; the cancelled booking stays linked as history.
        bookings.booking_release(
            booking=event.room_booking, by=by, reason=_("The event was cancelled."), now=now
        )
    _tell(
        event.rsvps.exclude(status=Rsvp.Status.CANCELLED).select_related("user"),
        kind=kinds.EVENT_PLACE.slug,
        title=_("Cancelled: %(event)s") % {"event": event.title},
        body=_("%(when)s. Reason: %(reason)s")
        % {"when": describe(event.starts_at, event.ends_at), "reason": reason},
        url=event_url(event),
    )
    return event
