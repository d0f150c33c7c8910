"""Reads of bookable spaces, rooms and bookings."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from coproduce.groups.models import Membership

from . import availability, permissions
from .models import AvailabilityWindow, BookableRoom, BookableSpace, Booking

FEED_HISTORY = timedelta(days=90)


def spaces_listed(
    *,
    ward=None,
    capacity: int | None = None,
    facility: str = "",
    free: bool = False,
) -> list[BookableSpace]:
    """Spaces open for booking whose building is on the map, with their rooms, filtered;
    `free` keeps only those free for community use."""
    spaces = (
        BookableSpace.objects.filter(is_open_for_booking=True, place__is_listed=True)
        .select_related("place__ward")
        .prefetch_related(Prefetch("rooms", queryset=BookableRoom.objects.select_related("place")))
        .order_by("place__name", "pk")
    )
    if ward is not None:
        spaces = spaces.filter(place__ward=ward)
    if capacity:
        spaces = spaces.filter(rooms__capacity__gte=capacity).distinct()
    if free:
        spaces = spaces.filter(Q(price_per_hour=0) | Q(community_rate=0))
    result = list(spaces)
    if facility:
        # Facilities are a JSON list, which SQLite cannot search inside; spaces are few.
        result = [
            s
            for s in result
            if facility in s.place.facilities
            or any(facility in room.place.facilities for room in s.rooms.all())
        ]
    return result


def space_detail(pk: int) -> BookableSpace | None:
    return (
        BookableSpace.objects.select_related("place__ward", "manager", "managing_group")
        .prefetch_related(Prefetch("rooms", queryset=BookableRoom.objects.select_related("place")))
        .filter(pk=pk)
        .first()
    )


def room_detail(pk: int) -> BookableRoom | None:
    return BookableRoom.objects.select_related("place", "space__place__ward").filter(pk=pk).first()


def windows_for(room: BookableRoom) -> list[availability.Window]:
    """The room's own windows and its space's windows for every room."""
    rows = AvailabilityWindow.objects.filter(
        Q(room=room) | Q(space_id=room.space_id, room__isnull=True)
    )
    return [row.as_window() for row in rows]


def confirmed_between(room_id: int, start: datetime, end: datetime) -> list[availability.Interval]:
    """(start, end) of the room's confirmed bookings that overlap [start, end). One query."""
    return list(
        Booking.objects.filter(
            room_id=room_id,
            status=Booking.Status.CONFIRMED,
            starts_at__lt=end,
            ends_at__gt=start,
        )
        .order_by("starts_at")
        .values_list("starts_at", "ends_at")
    )


def room_month(room: BookableRoom, year: int, month: int) -> list[availability.Day]:
    """Each day of the month: when the room is open, booked and free. Two queries."""
    first, last = availability.month_bounds(year, month)
    start, end = availability.day_bounds(first, last)
    return availability.month_days(
        windows_for(room), confirmed_between(room.pk, start, end), year, month
    )


def open_intervals(
    room: BookableRoom, start: datetime, end: datetime
) -> list[availability.Interval]:
    """When the room is open around [start, end), from the day before to the day after."""
    local_start = timezone.localtime(start).date() - timedelta(days=1)
    local_end = timezone.localtime(end).date() + timedelta(days=1)
    return availability.window_intervals(windows_for(room), local_start, local_end)


def bookings_of(user) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(requested_by=user)
        .select_related("room__place", "room__space__place", "group")
        .order_by("-starts_at", "-pk")
    )


def spaces_managed_by(user) -> QuerySet[BookableSpace]:
    spaces = BookableSpace.objects.select_related("place__ward").order_by("place__name", "pk")
    if permissions.manages_any_space(user):
        return spaces
    organised = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
        "organisation_id"
    )
    return spaces.filter(Q(manager=user) | Q(managing_group__in=organised))


def manager_queue(user) -> QuerySet[Booking]:
    """Requests waiting for a decision in the spaces this person manages, soonest first."""
    return (
        Booking.objects.filter(
            status=Booking.Status.REQUESTED,
            room__space__in=spaces_managed_by(user),
            ends_at__gt=timezone.now(),
        )
        # "event": a room held for an event (ADR 22) links to it.
        .select_related("room__place", "room__space__place", "group", "requested_by", "event")
        .order_by("starts_at", "pk")
    )


def feed_bookings(room: BookableRoom) -> QuerySet[Booking]:
    """Confirmed bookings for a room's public calendar: recent and future ones."""
    return Booking.objects.filter(
        room=room,
        status=Booking.Status.CONFIRMED,
        ends_at__gte=timezone.now() - FEED_HISTORY,
    ).order_by("starts_at", "pk")


@dataclass(frozen=True)
class Utilisation:
    space: BookableSpace
    available_hours: float
    booked_hours: float

    @property
    def share(self) -> float | None:
        if not self.available_hours:
            return None
        return self.booked_hours / self.available_hours


def utilisation(spaces: QuerySet[BookableSpace], year: int, month: int) -> list[Utilisation]:
    """For each space, its rooms' open hours in the month and how many of them are booked.

    Three queries whatever the number of spaces: spaces with rooms, windows, bookings.
    """
    first, last = availability.month_bounds(year, month)
    start, end = availability.day_bounds(first, last)
    spaces = list(spaces.prefetch_related("rooms", "windows"))
    space_ids = [s.pk for s in spaces]
    booked: dict[int, list[availability.Interval]] = {}
    for room_id, starts_at, ends_at in Booking.objects.filter(
        room__space_id__in=space_ids,
        status=Booking.Status.CONFIRMED,
        starts_at__lt=end,
        ends_at__gt=start,
    ).values_list("room_id", "starts_at", "ends_at"):
        booked.setdefault(room_id, []).append((starts_at, ends_at))
    result = []
    for space in spaces:
        windows = list(space.windows.all())
        available = booked_hours = 0.0
        for room in space.rooms.all():
            room_windows = [
                w.as_window() for w in windows if w.room_id is None or w.room_id == room.pk
            ]
            open_ = availability.window_intervals(room_windows, first, last)
            available += availability.total_hours(open_)
            used = availability.intersect(availability.merge(booked.get(room.pk, [])), open_)
            booked_hours += availability.total_hours(used)
        result.append(Utilisation(space, available, booked_hours))
    return result


def month_after(day: date) -> tuple[int, int]:
    return (day.year + (day.month == 12), day.month % 12 + 1)


def bookings_used_by_month(*, since: datetime, until: datetime, ward_id: int | None = None) -> dict:
    """Confirmed bookings of rooms that started between `since` and `until`, by month (the
    first of the month as a date). For a ward: rooms at a space in the ward."""
    bookings = Booking.objects.filter(
        status=Booking.Status.CONFIRMED, starts_at__gte=since, starts_at__lt=until
    )
    if ward_id is not None:
        bookings = bookings.filter(room__space__place__ward_id=ward_id)
    rows = (
        bookings.order_by()
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    return {timezone.localtime(row["month"]).date(): row["n"] for row in rows}
