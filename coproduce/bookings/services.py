"""Every write to bookings goes through here.

The rule that matters most: no two confirmed bookings of one room ever overlap. Every path
to "confirmed" (an automatic confirmation, or a manager's approval) goes through
`_confirm_slot`, which runs in a transaction that has locked the room's row
(SELECT ... FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE transaction already holds the
database's write lock), and checks for overlaps inside it. On PostgreSQL an exclusion
constraint backs this up, and its IntegrityError becomes the same refusal.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common import limits
from coproduce.common.dates.text import describe
from coproduce.common.errors import Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.staff.services import audit_record

from . import availability, kinds, permissions, selectors
from .models import BookableRoom, Booking
from .spans import span

LONGEST_BOOKING = timedelta(hours=24)


class SlotTaken(Refusal):
    """The time overlaps a confirmed booking of the room (the JSON endpoint answers 409)."""


class OutsideAvailability(Refusal):
    """The time falls outside the room's opening hours."""


def _managers(space) -> list:
    people = {}
    if space.manager is not None and space.manager.is_active:
        people[space.manager.pk] = space.manager
    if space.managing_group_id:
        for membership in Membership.objects.filter(
            organisation_id=space.managing_group_id, role=Membership.Role.ORGANISER
        ).select_related("user"):
            if membership.user.is_active:
                people[membership.user.pk] = membership.user
    return list(people.values())


def _tell_managers(booking: Booking, *, title: str, skip=None) -> None:
    """Tell each manager, up to their hourly cap (RATE_LIMITS["booking_manager_email"]): past
    it, requests wait in their queue without a message each, so a burst is not a flood."""
    where = f"{booking.room}, {booking.room.space}"
    body = f"{where}: {describe(booking.starts_at, booking.ends_at)}.\n{booking.purpose}"
    for person in _managers(booking.room.space):
        if skip is not None and person.pk == skip.pk:
            continue
        if not limits.within("booking_manager_email", per=f"manager:{person.pk}"):
            continue
        notify(
            recipient=person,
            kind=kinds.BOOKING_FOR_MANAGER.slug,
            title=title,
            body=body,
            url=reverse("bookings:queue"),
        )


def _tell_requester(booking: Booking, *, title: str, skip=None) -> None:
    person = booking.requested_by
    if person is None or not person.is_active or (skip is not None and person.pk == skip.pk):
        return
    body = f"{booking.room}, {booking.room.space}: {describe(booking.starts_at, booking.ends_at)}."
    if booking.reason:
        body += "\n" + _("Reason: %(reason)s") % {"reason": booking.reason}
    notify(
        recipient=person,
        kind=kinds.BOOKING_UPDATE.slug,
        title=title,
        body=body,
        url=reverse("bookings:mine"),
    )


def _lock_room(room_id: int) -> BookableRoom:
    """The room row, locked until this transaction ends: confirmations queue per room."""
    return (
        BookableRoom.objects.select_for_update(of=("self",))
        .select_related("space__place", "space__manager", "place")
        .get(pk=room_id)
    )


def _clash(room_id: int, starts_at: datetime, ends_at: datetime, *, exclude=None) -> Booking | None:
    """The first confirmed booking of the room that overlaps [starts_at, ends_at), if any."""
    clashes = Booking.objects.filter(
        room_id=room_id,
        status=Booking.Status.CONFIRMED,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).select_related("room__place")
    if exclude is not None:
        clashes = clashes.exclude(pk=exclude)
    return clashes.order_by("starts_at", "pk").first()


def _slot_taken(clash: Booking | None) -> SlotTaken:
    """'The Main hall is booked from 6pm to 8pm on Tuesday 8 December. Choose another time.'
    Only the room and the time are named: what the booking is for, and who made it, stay
    with the people who can see the booking."""
    if clash is None:
        return SlotTaken(_("That time is already booked. Choose another time."))
    return SlotTaken(
        _("The %(room)s is booked %(when)s. Choose another time.")
        % {"room": clash.room.place.name, "when": span(clash.starts_at, clash.ends_at)}
    )


def _save_confirmed(booking: Booking, **kwargs) -> None:
    """Save a booking as confirmed; the database's own overlap rule becomes SlotTaken."""
    try:
        with transaction.atomic():
            booking.save(**kwargs)
    except IntegrityError as error:
        if "bookings_booking_no_overlap" in str(error):
            clash = _clash(booking.room_id, booking.starts_at, booking.ends_at, exclude=booking.pk)
            raise _slot_taken(clash) from error
        raise


def _check_times(room: BookableRoom, starts_at: datetime, ends_at: datetime, now) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("Booking times must be aware datetimes.")
    if ends_at <= starts_at:
        raise Refusal(_("The end time must be after the start time."))
    if starts_at < now:
        raise Refusal(_("The start must be in the future."))
    if ends_at - starts_at > LONGEST_BOOKING:
        raise Refusal(_("A booking can be at most 24 hours long."))
    if not room.space.is_open_for_booking:
        raise Refusal(_("This space is not taking bookings at the moment."))
    open_times = selectors.open_intervals(room, starts_at, ends_at)
    if not availability.covers(open_times, starts_at, ends_at):
        raise OutsideAvailability(
            _("The room is not available for all of that time. Choose a time when it is open.")
        )


@transaction.atomic
def booking_request(
    *,
    room: BookableRoom,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    requested_by,
    group: Organisation | None = None,
    now: datetime | None = None,
) -> Booking:
    """Ask to book a room. Confirmed at once where the space approves automatically.

    Guarantees: nothing is stored unless the times are in the future, inside the room's
    availability and free of confirmed bookings; a confirmed booking never overlaps another
    confirmed booking of the room. Raises Refusal (SlotTaken, OutsideAvailability).
    """
    now = now or timezone.now()
    purpose = purpose.strip()
    if not purpose:
        raise Refusal(_("Say what the booking is for."))
    if (
        group is not None
        and not Membership.objects.filter(organisation=group, user=requested_by).exists()
    ):
        raise Refusal(_("You can only book for a group you are a member of."))
    room = _lock_room(room.pk)
    _check_times(room, starts_at, ends_at, now)
    clash = _clash(room.pk, starts_at, ends_at)
    if clash is not None:
        raise _slot_taken(clash)
    booking = Booking(
        room=room,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose[:500],
        group=group,
        requested_by=requested_by,
    )
    if room.space.auto_approve:
        booking.status = Booking.Status.CONFIRMED
        booking.decided_at = now
        _save_confirmed(booking)
        _tell_managers(booking, title=_("New booking: %(room)s") % {"room": room})
        _tell_requester(booking, title=_("Your booking is confirmed"))
    else:
        booking.save()
        _tell_managers(booking, title=_("Booking request: %(room)s") % {"room": room})
    return booking


def _locked_booking(booking: Booking) -> Booking:
    _lock_room(booking.room_id)
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("room__space__manager", "room__space__place", "room__place", "requested_by")
        .get(pk=booking.pk)
    )


@transaction.atomic
def booking_approve(*, booking: Booking, by, now: datetime | None = None) -> Booking:
    """Confirm a request. Refused if someone else's confirmed booking now overlaps it."""
    now = now or timezone.now()
    booking = _locked_booking(booking)
    if not permissions.can_manage(by, booking.room.space):
        raise Refusal(_("Only the space's manager can approve bookings."))
    if booking.status != Booking.Status.REQUESTED:
        raise Refusal(_("This booking is no longer waiting for a decision."))
    if booking.ends_at <= now:
        raise Refusal(_("This booking is in the past."))
    clash = _clash(booking.room_id, booking.starts_at, booking.ends_at, exclude=booking.pk)
    if clash is not None:
        raise _slot_taken(clash)
    booking.status = Booking.Status.CONFIRMED
    booking.decided_by = by
    booking.decided_at = now
    _save_confirmed(booking, update_fields=["status", "decided_by", "decided_at", "updated_at"])
    _tell_requester(booking, title=_("Your booking is confirmed"))
    audit_record(actor=by, action="bookings.approved", target=f"booking {booking.pk}")
    return booking


@transaction.atomic
def booking_decline(*, booking: Booking, by, reason: str, now: datetime | None = None) -> Booking:
    booking = _locked_booking(booking)
    if not permissions.can_manage(by, booking.room.space):
        raise Refusal(_("Only the space's manager can decline bookings."))
    if booking.status != Booking.Status.REQUESTED:
        raise Refusal(_("This booking is no longer waiting for a decision."))
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Give a reason, so the person knows why."))
    booking.status = Booking.Status.DECLINED
    booking.decided_by = by
    booking.decided_at = now or timezone.now()
    booking.reason = reason
    booking.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])
    _tell_requester(booking, title=_("Your booking request was declined"))
    audit_record(actor=by, action="bookings.declined", target=f"booking {booking.pk}")
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, by, reason: str, now: datetime | None = None) -> Booking:
    """Cancel a request or a confirmed booking that has not ended, telling the other side."""
    now = now or timezone.now()
    booking = _locked_booking(booking)
    if not permissions.can_cancel(by, booking):
        raise Refusal(_("Only the person who booked or the space's manager can cancel."))
    if booking.status not in (Booking.Status.REQUESTED, Booking.Status.CONFIRMED):
        raise Refusal(_("This booking has already been declined or cancelled."))
    if booking.ends_at <= now:
        raise Refusal(_("This booking has already ended."))
    reason = reason.strip()
    if not reason and booking.requested_by_id != by.pk:
        raise Refusal(_("Give a reason, so the person knows why."))
    booking.status = Booking.Status.CANCELLED
    booking.decided_by = by
    booking.decided_at = now
    booking.reason = reason
    booking.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])
    title = _("Booking cancelled: %(room)s") % {"room": booking.room}
    _tell_managers(booking, title=title, skip=by)
    _tell_requester(booking, title=_("Your booking was cancelled"), skip=by)
    return booking


# Holds: a room's time taken for something else on the platform (an event). A hold is an
# ordinary Booking, under the same rules and locks, so a room has one calendar. The caller
# (gatherings' services) has already decided that `by` may change the thing held for, so
# these do not ask whether `by` made the booking. See docs/adr/0022-one-calendar-per-room.md.


@transaction.atomic
def booking_release(*, booking: Booking, by, reason: str, now: datetime | None = None) -> Booking:
    """Free a held room. A hold already declined, cancelled or over is left as it is.

    Tells the space's managers, and the person who asked for it if that is not `by`."""
    now = now or timezone.now()
    booking = _locked_booking(booking)
    if booking.status not in (Booking.Status.REQUESTED, Booking.Status.CONFIRMED):
        return booking
    if booking.ends_at <= now:
        return booking
    booking.status = Booking.Status.CANCELLED
    booking.decided_by = by
    booking.decided_at = now
    booking.reason = reason.strip()
    booking.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])
    title = _("Booking cancelled: %(room)s") % {"room": booking.room}
    _tell_managers(booking, title=title, skip=by)
    _tell_requester(booking, title=_("Your booking was cancelled"), skip=by)
    return booking


@transaction.atomic
def booking_move(
    *,
    booking: Booking,
    room: BookableRoom,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    by,
    group: Organisation | None = None,
    now: datetime | None = None,
) -> Booking:
    """Move a hold to another time or room: the old time is freed and the new one asked for
    under the new room's rules (`booking_request`), in one transaction, so a refusal leaves
    the old hold as it was. Both rooms are locked first, in order, so two moves between the
    same rooms queue rather than deadlock."""
    now = now or timezone.now()
    for room_id in sorted({booking.room_id, room.pk}):
        _lock_room(room_id)
    booking_release(booking=booking, by=by, reason=_("Moved to another time or room."), now=now)
    return booking_request(
        room=room,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose,
        requested_by=by,
        group=group,
        now=now,
    )
