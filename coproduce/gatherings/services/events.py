"""Events, series and places at events.

The rule that matters most: an event never has more confirmed places than its capacity.
Every change to who holds a place runs in a transaction that has locked the event's row
(SELECT ... FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction already holds the
database's write lock) and reads the counts inside it. A check constraint on the event backs
this up: `confirmed_count` can never pass `capacity`.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.bookings.services import describe
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.places.models import Place

from .. import kinds, permissions, provisions
from ..models import Event, Rsvp, Series
from . import GatheringRefusal

MAX_CAPACITY = 100_000
LONGEST_EVENT = timedelta(days=14)


def _lock_event(pk: int) -> Event:
    """The event's row, locked until this transaction ends: changes to places queue per event."""
    return Event.objects.select_for_update(of=("self",)).select_related("place").get(pk=pk)


def _event_url(event: Event) -> str:
    return reverse("gatherings:event", args=[event.pk])


def where(event: Event) -> str:
    if event.place_id:
        return event.place.name
    return _("Online")


def _organisers(event: Event) -> list:
    """Everyone who runs the event: its own organisers, its series' organisers, and the
    organisers of the group that runs it."""
    people = {person.pk: person for person in event.organisers.all() if person.is_active}
    if event.series_id:
        for person in event.series.organisers.all():
            if person.is_active:
                people.setdefault(person.pk, person)
    if event.group_id:
        for membership in Membership.objects.filter(
            organisation_id=event.group_id, role=Membership.Role.ORGANISER
        ).select_related("user"):
            if membership.user.is_active:
                people.setdefault(membership.user.pk, membership.user)
    return list(people.values())


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
        raise GatheringRefusal(_("Give the event a title."))
    if not summary.strip():
        raise GatheringRefusal(_("Say in a sentence what the event is."))
    if kind not in Event.Kind.values:
        raise GatheringRefusal(_("Choose a kind of event from the list."))
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("Event times must be aware datetimes.")
    if ends_at <= starts_at:
        raise GatheringRefusal(_("The end must be after the start."))
    if ends_at - starts_at > LONGEST_EVENT:
        raise GatheringRefusal(_("An event can last at most 14 days. For more, make a series."))
    if place is None and not online_url:
        raise GatheringRefusal(_("Choose a place, or give a link to join online."))
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise GatheringRefusal(_("Give a number of places from 1 to 100,000, or leave it empty."))
    offered = list(dict.fromkeys(access_provisions))
    if provisions.unknown(offered):
        raise GatheringRefusal(_("Choose access support from the list."))
    return offered


def _check_group(by, group: Organisation | None) -> None:
    if group is None or by.has_perm(permissions.MANAGE_ANY_EVENT):
        return
    if not Membership.objects.filter(
        organisation=group, user=by, role=Membership.Role.ORGANISER
    ).exists():
        raise GatheringRefusal(_("You can only run events for a group you organise."))


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
        raise GatheringRefusal(_("Only organisers and council officers can set up a series."))
    if not title.strip() or not summary.strip():
        raise GatheringRefusal(_("Give the series a title and a summary."))
    if kind not in Event.Kind.values:
        raise GatheringRefusal(_("Choose a kind of event from the list."))
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
        raise GatheringRefusal(_("Only the series' organisers can change it."))
    if not title.strip() or not summary.strip():
        raise GatheringRefusal(_("Give the series a title and a summary."))
    if kind not in Event.Kind.values:
        raise GatheringRefusal(_("Choose a kind of event from the list."))
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
    now: datetime | None = None,
) -> Event:
    """Put an event on. Whoever creates it is its first organiser.

    Guarantees: the event starts in the future, ends after it starts, is at a place or
    online, and offers only access support from the fixed list.
    """
    now = now or timezone.now()
    if not permissions.can_create_events(by):
        raise GatheringRefusal(_("Only organisers and council officers can put on events."))
    if series is not None and not permissions.can_manage_series(by, series):
        raise GatheringRefusal(_("Only the series' organisers can add events to it."))
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
        raise GatheringRefusal(_("The start must be in the future."))
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
    now: datetime | None = None,
) -> Event:
    """Change an event. People with a place hear of a new time or place; if there are more
    places, people move up from the waiting list. Places can't drop below those taken."""
    now = now or timezone.now()
    event = _lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise GatheringRefusal(_("Only the event's organisers can change it."))
    if event.is_cancelled:
        raise GatheringRefusal(_("This event has been cancelled."))
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
        raise GatheringRefusal(_("The start must be in the future."))
    if capacity is not None and capacity < event.confirmed_count:
        raise GatheringRefusal(
            _(
                "%(count)s people already have a place. Give at least %(count)s places, "
                "or cancel some places first."
            )
            % {"count": event.confirmed_count}
        )
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
            url=_event_url(event),
        )
        # A new date deserves a new day-before reminder.
        going.update(reminder_sent_at=None)
    _promote_waiting(event, now=now)
    return event


@transaction.atomic
def event_cancel(*, event: Event, by, reason: str) -> Event:
    """Cancel an event and tell everyone who had a place or was waiting."""
    event = _lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise GatheringRefusal(_("Only the event's organisers can cancel it."))
    if event.is_cancelled:
        raise GatheringRefusal(_("This event has already been cancelled."))
    reason = reason.strip()
    if not reason:
        raise GatheringRefusal(_("Give a reason, so people know why."))
    event.status = Event.Status.CANCELLED
    event.cancel_reason = reason
    event.sequence += 1
    event.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    _tell(
        event.rsvps.exclude(status=Rsvp.Status.CANCELLED).select_related("user"),
        kind=kinds.EVENT_PLACE.slug,
        title=_("Cancelled: %(event)s") % {"event": event.title},
        body=_("%(when)s. Reason: %(reason)s")
        % {"when": describe(event.starts_at, event.ends_at), "reason": reason},
        url=_event_url(event),
    )
    return event


def _check_requests(event: Event, access_requests: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(access_requests))
    if provisions.unknown(wanted):
        raise GatheringRefusal(_("Choose access support from the list."))
    not_offered = [value for value in wanted if value not in event.access_provisions]
    if not_offered:
        raise GatheringRefusal(
            _("This event does not offer: %(list)s. Tell the organisers in the note instead.")
            % {"list": ", ".join(provisions.labels(not_offered))}
        )
    return wanted


def _tell_place(rsvp: Rsvp, event: Event, *, moved_up: bool = False) -> None:
    when = describe(event.starts_at, event.ends_at)
    if rsvp.status == Rsvp.Status.CONFIRMED:
        title = (
            _("You have moved up from the waiting list: %(event)s")
            if moved_up
            else _("You have a place: %(event)s")
        ) % {"event": event.title}
        body = _("%(when)s at %(where)s.") % {"when": when, "where": where(event)}
        if event.online_url:
            body += "\n" + _("To join online: %(link)s") % {"link": event.online_url}
    else:
        title = _("You are on the waiting list: %(event)s") % {"event": event.title}
        body = _("We will tell you if a place comes up. %(when)s.") % {"when": when}
    notify(
        recipient=rsvp.user,
        kind=kinds.EVENT_PLACE.slug,
        title=title,
        body=body,
        url=_event_url(event),
    )


def _tell_organisers_of_requests(event: Event, rsvp: Rsvp) -> None:
    if not rsvp.access_requests and not rsvp.access_note:
        return
    asked = ", ".join(provisions.labels(rsvp.access_requests)) or _("a note")
    for person in _organisers(event):
        if person.pk == rsvp.user_id:
            continue
        notify(
            recipient=person,
            kind=kinds.EVENT_FOR_ORGANISER.slug,
            title=_("Access support asked for: %(event)s") % {"event": event.title},
            body=_("Someone coming asked for: %(list)s.") % {"list": asked},
            url=reverse("gatherings:attendees", args=[event.pk]),
        )


@transaction.atomic
def rsvp_join(
    *,
    event: Event,
    user,
    access_requests: Iterable[str] = (),
    access_note: str = "",
    invited_by=None,
    now: datetime | None = None,
) -> Rsvp:
    """Ask for a place: confirmed while places are left, else on the waiting list.

    Guarantees: never more confirmed places than the event's capacity, however many people
    ask at once; asking again changes only the access support asked for.
    """
    if not permissions.can_take_part(user):
        raise GatheringRefusal(_("Sign in to get a place."))
    event = _lock_event(event.pk)
    # Read the clock only once the lock is held, so the waiting list is in the order people
    # got their turn, the same order in which places were given.
    now = now or timezone.now()
    if event.is_cancelled:
        raise GatheringRefusal(_("This event has been cancelled."))
    if event.starts_at <= now:
        raise GatheringRefusal(_("This event has already started."))
    wanted = _check_requests(event, access_requests)
    access_note = access_note.strip()[:2000]
    rsvp = Rsvp.objects.select_for_update().filter(event=event, user=user).first()
    if rsvp is not None and rsvp.status != Rsvp.Status.CANCELLED:
        changed = wanted != rsvp.access_requests or access_note != rsvp.access_note
        rsvp.access_requests, rsvp.access_note = wanted, access_note
        rsvp.save(update_fields=["access_requests", "access_note", "updated_at"])
        if changed:
            _tell_organisers_of_requests(event, rsvp)
        return rsvp
    status = Rsvp.Status.WAITING if event.is_full else Rsvp.Status.CONFIRMED
    if rsvp is None:
        rsvp = Rsvp(event=event, user=user)
    if invited_by is not None and getattr(invited_by, "pk", None) != user.pk:
        rsvp.invited_by = invited_by
    rsvp.status, rsvp.queued_at = status, now
    rsvp.access_requests, rsvp.access_note = wanted, access_note
    rsvp.attended, rsvp.reminder_sent_at = None, None
    rsvp.save()
    _count(event, status, +1)
    _tell_place(rsvp, event)
    _tell_organisers_of_requests(event, rsvp)
    return rsvp


def _count(event: Event, status: str, change: int) -> None:
    field = "confirmed_count" if status == Rsvp.Status.CONFIRMED else "waiting_count"
    Event.objects.filter(pk=event.pk).update(**{field: F(field) + change})
    setattr(event, field, getattr(event, field) + change)


def _promote_waiting(event: Event, *, now: datetime) -> list[Rsvp]:
    """Move people up from the waiting list, first come first served, while places are left.
    The caller holds the event's lock."""
    if event.is_cancelled or event.starts_at <= now:
        return []
    limit = event.capacity if event.capacity is not None else event.confirmed_count
    free = limit - event.confirmed_count if event.capacity is not None else event.waiting_count
    if free <= 0:
        return []
    moving = list(
        event.rsvps.filter(status=Rsvp.Status.WAITING)
        .select_for_update(of=("self",))
        .select_related("user")
        .order_by("queued_at", "pk")[:free]
    )
    for rsvp in moving:
        rsvp.status = Rsvp.Status.CONFIRMED
        rsvp.save(update_fields=["status", "updated_at"])
        _count(event, Rsvp.Status.WAITING, -1)
        _count(event, Rsvp.Status.CONFIRMED, +1)
        _tell_place(rsvp, event, moved_up=True)
    return moving


@transaction.atomic
def rsvp_cancel(*, rsvp: Rsvp, by, now: datetime | None = None) -> Rsvp:
    """Give up a place (or leave the waiting list); the next person waiting moves up."""
    now = now or timezone.now()
    event = _lock_event(rsvp.event_id)
    rsvp = Rsvp.objects.select_for_update(of=("self",)).select_related("user").get(pk=rsvp.pk)
    if rsvp.user_id != by.pk and not permissions.can_manage(by, event):
        raise GatheringRefusal(_("Only the person or the event's organisers can cancel a place."))
    if rsvp.status == Rsvp.Status.CANCELLED:
        return rsvp
    if event.starts_at <= now:
        raise GatheringRefusal(_("This event has already started."))
    was = rsvp.status
    rsvp.status = Rsvp.Status.CANCELLED
    rsvp.save(update_fields=["status", "updated_at"])
    _count(event, was, -1)
    if rsvp.user_id != by.pk and rsvp.user.is_active:
        notify(
            recipient=rsvp.user,
            kind=kinds.EVENT_PLACE.slug,
            title=_("Your place was cancelled: %(event)s") % {"event": event.title},
            body=_("An organiser cancelled your place. Contact them if this is a mistake."),
            url=_event_url(event),
        )
    if was == Rsvp.Status.CONFIRMED:
        _promote_waiting(event, now=now)
    return rsvp


def rsvp_for_invitation(token: str) -> Rsvp | None:
    """The place whose "bring a friend" link this is, if the link is good and still open."""
    rsvp = (
        Rsvp.objects.select_related("event__place", "user")
        .filter(invite_token=token, status=Rsvp.Status.CONFIRMED)
        .first()
    )
    if rsvp is None or rsvp.event.is_cancelled:
        return None
    return rsvp


@transaction.atomic
def attendance_record(*, event: Event, by, came: Iterable[int], now: datetime | None = None) -> int:
    """Record who came, from the people with a place. Returns how many came.

    Can be recorded again (to correct a mistake) but only once the event has started.
    """
    now = now or timezone.now()
    event = _lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise GatheringRefusal(_("Only the event's organisers can record who came."))
    if event.starts_at > now:
        raise GatheringRefusal(_("You can record who came once the event has started."))
    going = event.rsvps.filter(status=Rsvp.Status.CONFIRMED)
    came_ids = set(came)
    unknown = came_ids - set(going.values_list("pk", flat=True))
    if unknown:
        raise GatheringRefusal(_("Choose people from the list of those with a place."))
    going.filter(pk__in=came_ids).update(attended=True)
    going.exclude(pk__in=came_ids).update(attended=False)
    event.attendance_recorded_at = now
    event.save(update_fields=["attendance_recorded_at", "updated_at"])
    return len(came_ids)


@transaction.atomic
def event_organiser_add(*, event: Event, person, by) -> None:
    """Add a co-organiser or facilitator."""
    if not permissions.can_manage(by, event):
        raise GatheringRefusal(_("Only the event's organisers can add organisers."))
    if not person.is_active:
        raise GatheringRefusal(_("That account is not active."))
    event.organisers.add(person)


@transaction.atomic
def places_release(*, rsvp_ids: list[int], now: datetime | None = None) -> int:
    """Let go of these places, whoever held them, because their accounts are being deleted:
    each event's counts go down, and at events still to come the next people waiting move
    up. Runs (from `signals.py`) as an account's deletion removes its places, inside that
    deletion's transaction. Returns how many places were let go."""
    now = now or timezone.now()
    held = list(
        Rsvp.objects.filter(pk__in=rsvp_ids)
        .exclude(status=Rsvp.Status.CANCELLED)
        .values_list("event_id", "status")
    )
    by_event: dict[int, list[str]] = {}
    for event_id, status in held:
        by_event.setdefault(event_id, []).append(status)
    for event_id in sorted(by_event):  # one lock order, so two deletions cannot deadlock
        event = _lock_event(event_id)
        for status in by_event[event_id]:
            _count(event, status, -1)
        Rsvp.objects.filter(pk__in=rsvp_ids, event_id=event_id).update(status=Rsvp.Status.CANCELLED)
        _promote_waiting(event, now=now)
    return len(held)
