"""Places at events: taking one, the waiting list, giving one up, invitations, attendance.

The rule that matters most: an event never has more confirmed places than its capacity.
Every change to who holds a place runs in a transaction that holds the event's row lock when
it decides (on SQLite the IMMEDIATE transaction already holds the database's write lock).
Giving up a place locks the row first (SELECT ... FOR UPDATE) and reads the counts inside.
Taking one writes the place first and then counts it with one UPDATE that adds it only if
the counts, as they are under the lock, still allow it; if not, it is undone and done again
with the row locked first. A check constraint on the event backs this up: `confirmed_count`
can never pass `capacity`.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.dates.text import describe
from coproduce.common.errors import Refusal
from coproduce.notifications.services import notify

from .. import kinds, permissions, provisions
from ..models import Event, Rsvp
from .common import event_url, lock_event, organisers_of, where


def _check_requests(event: Event, access_requests: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(access_requests))
    if provisions.unknown(wanted):
        raise Refusal(_("Choose access support from the list."))
    not_offered = [value for value in wanted if value not in event.access_provisions]
    if not_offered:
        raise Refusal(
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
        url=event_url(event),
    )


def _tell_organisers_of_requests(event: Event, rsvp: Rsvp) -> None:
    if not rsvp.access_requests and not rsvp.access_note:
        return
    asked = ", ".join(provisions.labels(rsvp.access_requests)) or _("a note")
    for person in organisers_of(event):
        if person.pk == rsvp.user_id:
            continue
        notify(
            recipient=person,
            kind=kinds.EVENT_FOR_ORGANISER.slug,
            title=_("Access support asked for: %(event)s") % {"event": event.title},
            body=_("Someone coming asked for: %(list)s.") % {"list": asked},
            url=reverse("gatherings:attendees", args=[event.pk]),
        )


class _CountsMoved(Exception):
    """The event changed between reading its counts and taking a place: go the careful way."""


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
    ask at once; asking again changes only the access support asked for (and the place
    returned then has `had_place` set).

    Two ways, one result. At once: everything is written first, and the last statement
    takes the place in the event's counts only if they still allow it, so the event's row
    is locked only for the commit that follows (with many people asking at once for one
    event, that lock is what sets how many are answered a second). In turn, when the counts
    moved meanwhile (or a time is given): the event is locked first, as before.
    """
    if not permissions.can_take_part(user):
        raise Refusal(_("Sign in to get a place."))
    if now is None:
        try:
            with transaction.atomic():
                return _join_at_once(
                    event=event,
                    user=user,
                    access_requests=access_requests,
                    access_note=access_note,
                    invited_by=invited_by,
                )
        except (_CountsMoved, IntegrityError):
            # Undone, notices and all. IntegrityError: this person already has a row (a
            # place, one given up, or their other request's, made just before); in turn,
            # this one finds it.
            pass
    with transaction.atomic():
        return _join_in_turn(
            event=event,
            user=user,
            access_requests=access_requests,
            access_note=access_note,
            invited_by=invited_by,
            now=now,
        )


def _join_at_once(*, event: Event, user, access_requests, access_note: str, invited_by) -> Rsvp:
    now = timezone.now()
    if event.is_cancelled or event.starts_at <= now:
        raise _CountsMoved  # the careful way says why not
    wanted = _check_requests(event, access_requests)
    status = Rsvp.Status.WAITING if event.is_full else Rsvp.Status.CONFIRMED
    # A first place is the usual case, so it is written without reading first. Someone who
    # already has a row (a place, or one given up) breaks the constraint of one row each,
    # and is dealt with in turn.
    rsvp = _place(Rsvp(event=event, user=user), status, now, wanted, access_note, invited_by)
    _tell_place(rsvp, event)
    _tell_organisers_of_requests(event, rsvp)
    if not _count_if_still(event, status, now):
        raise _CountsMoved
    return rsvp


def _join_in_turn(
    *, event: Event, user, access_requests, access_note: str, invited_by, now
) -> Rsvp:
    event = lock_event(event.pk)
    # Read the clock only once the lock is held, so the waiting list is in the order people
    # got their turn, the same order in which places were given.
    now = now or timezone.now()
    if event.is_cancelled:
        raise Refusal(_("This event has been cancelled."))
    if event.starts_at <= now:
        raise Refusal(_("This event has already started."))
    wanted = _check_requests(event, access_requests)
    access_note = access_note.strip()[:2000]
    rsvp = Rsvp.objects.select_for_update().filter(event=event, user=user).first()
    if rsvp is not None and rsvp.status != Rsvp.Status.CANCELLED:
        changed = wanted != rsvp.access_requests or access_note != rsvp.access_note
        rsvp.access_requests, rsvp.access_note = wanted, access_note
        rsvp.save(update_fields=["access_requests", "access_note", "updated_at"])
        if changed:
            _tell_organisers_of_requests(event, rsvp)
        rsvp.had_place = True
        return rsvp
    status = Rsvp.Status.WAITING if event.is_full else Rsvp.Status.CONFIRMED
    rsvp = _place(
        rsvp or Rsvp(event=event, user=user), status, now, wanted, access_note, invited_by
    )
    _count(event, status, +1)
    _tell_place(rsvp, event)
    _tell_organisers_of_requests(event, rsvp)
    return rsvp


def _place(rsvp: Rsvp, status: str, now, wanted: list[str], access_note: str, invited_by) -> Rsvp:
    """Write a new place (or a place given up before, taken again)."""
    if invited_by is not None and getattr(invited_by, "pk", None) != rsvp.user_id:
        rsvp.invited_by = invited_by
    rsvp.status, rsvp.queued_at = status, now
    rsvp.access_requests, rsvp.access_note = wanted, access_note.strip()[:2000]
    rsvp.attended, rsvp.reminder_sent_at = None, None
    rsvp.save()
    return rsvp


def _count_if_still(event: Event, status: str, now: datetime) -> bool:
    """Add one to the confirmed (or waiting) count if the event, as it is now, still gives
    that status: open, and with a place left (or none left). False changes nothing."""
    still_open = Event.objects.filter(pk=event.pk, starts_at__gt=now).exclude(
        status=Event.Status.CANCELLED
    )
    if status == Rsvp.Status.CONFIRMED:
        rows = still_open.filter(Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity")))
        field = "confirmed_count"
    else:
        rows = still_open.filter(capacity__isnull=False, confirmed_count__gte=F("capacity"))
        field = "waiting_count"
    if rows.update(**{field: F(field) + 1}) != 1:
        return False
    setattr(event, field, getattr(event, field) + 1)
    return True


def _count(event: Event, status: str, change: int) -> None:
    field = "confirmed_count" if status == Rsvp.Status.CONFIRMED else "waiting_count"
    Event.objects.filter(pk=event.pk).update(**{field: F(field) + change})
    setattr(event, field, getattr(event, field) + change)


def promote_waiting(event: Event, *, now: datetime) -> list[Rsvp]:
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
    event = lock_event(rsvp.event_id)
    rsvp = Rsvp.objects.select_for_update(of=("self",)).select_related("user").get(pk=rsvp.pk)
    if rsvp.user_id != by.pk and not permissions.can_manage(by, event):
        raise Refusal(_("Only the person or the event's organisers can cancel a place."))
    if rsvp.status == Rsvp.Status.CANCELLED:
        return rsvp
    if event.starts_at <= now:
        raise Refusal(_("This event has already started."))
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
            url=event_url(event),
        )
    if was == Rsvp.Status.CONFIRMED:
        promote_waiting(event, now=now)
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
    event = lock_event(event.pk)
    if not permissions.can_manage(by, event):
        raise Refusal(_("Only the event's organisers can record who came."))
    if event.starts_at > now:
        raise Refusal(_("You can record who came once the event has started."))
    going = event.rsvps.filter(status=Rsvp.Status.CONFIRMED)
    came_ids = set(came)
    unknown = came_ids - set(going.values_list("pk", flat=True))
    if unknown:
        raise Refusal(_("Choose people from the list of those with a place."))
    going.filter(pk__in=came_ids).update(attended=True)
    going.exclude(pk__in=came_ids).update(attended=False)
    event.attendance_recorded_at = now
    event.save(update_fields=["attendance_recorded_at", "updated_at"])
    return len(came_ids)


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
        event = lock_event(event_id)
        for status in by_event[event_id]:
            _count(event, status, -1)
        Rsvp.objects.filter(pk__in=rsvp_ids, event_id=event_id).update(status=Rsvp.Status.CANCELLED)
        promote_waiting(event, now=now)
    return len(held)
