"""Demo bookable spaces: council buildings from the demo map offered for booking.

A part of the demo borough (see coproduce/demo/parts/): `build(ctx)` after places, the demo
accounts and groups; `clear()` before them. Each space gets rooms (the building's rooms from
the map, or rooms made here for its kind of building: see rooms.py), availability windows
(school halls and libraries on weekday evenings and weekends, others every day), and a few
bookings this month and next: confirmed ones, requests waiting for the demo officer, and one
by the demo resident. Rows go in with bulk_create, bypassing the services on purpose (no
notifications for made-up bookings).
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.bookings.models import AvailabilityWindow, BookableRoom, BookableSpace, Booking
from coproduce.groups.models import Organisation
from coproduce.places import vocab
from coproduce.places.models import Place
from coproduce.places.services import places_create

from ..context import DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered
from ..rooms import CAPACITY, capacity_in, kind_of_building, layout_for
from .accounts import email_for
from .people import EMAIL_PREFIX

MAX_SPACES = 12
PURPOSES = [
    "Residents' association meeting",
    "Toddler group",
    "Community choir rehearsal",
    "Repair café",
    "Youth club",
    "Chair yoga for older people",
    "Warm space and soup",
    "Food bank sorting",
    "English conversation class",
    "Birthday party",
]
RULES = (
    "Leave the room as you found it. Put chairs and tables back.\n"
    "No alcohol without the manager's agreement.\n"
    "Groups with children must have a named adult in charge."
)


def build(ctx: DemoContext) -> None:
    rng = ctx.random("bookings")
    buildings = list(
        Place.objects.filter(
            pk__in=remembered(Place),
            kind=Place.Kind.BUILDING,
            owner=Place.Owner.COUNCIL,
            is_listed=True,
        ).order_by("pk")[: MAX_SPACES * 4]
    )
    if not buildings:
        return
    buildings = sorted(rng.sample(buildings, min(MAX_SPACES, len(buildings))), key=lambda p: p.pk)
    accounts = dict(
        User.objects.filter(email__in=[email_for(Role.OFFICER), email_for(Role.RESIDENT)])
        .values_list("email", "pk")
    )  # fmt: skip
    officer = accounts.get(email_for(Role.OFFICER))
    resident = accounts.get(email_for(Role.RESIDENT))
    groups = {
        o.base_id: o.pk
        for o in Organisation.objects.filter(base__in=buildings).order_by("pk")
    }  # fmt: skip
    spaces = []
    for number, building in enumerate(buildings):
        free = rng.random() < 0.6
        spaces.append(
            BookableSpace(
                place=building,
                manager_id=officer,
                managing_group_id=groups.get(building.pk),
                rules=RULES,
                # Two in three approve by hand, so the demo officer has requests to decide.
                auto_approve=number % 3 == 2,
                price_per_hour=Decimal("0") if free else Decimal(rng.choice(["12.00", "18.50"])),
                community_rate=None if free else Decimal("0"),
            )
        )
    BookableSpace.objects.bulk_create(spaces)
    ctx.remember(spaces)
    rooms = _rooms(ctx, rng, spaces)
    windows = _windows(ctx, spaces)
    bookings = _bookings(ctx, rng, rooms, windows, resident)
    ctx.counts["bookable spaces"] = len(spaces)
    ctx.counts["bookable rooms"] = len(rooms)
    ctx.counts["bookings"] = len(bookings)


def clear() -> None:
    spaces = BookableSpace.objects.filter(pk__in=remembered(BookableSpace))
    Booking.objects.filter(room__space__in=spaces).delete()
    AvailabilityWindow.objects.filter(space__in=spaces).delete()
    BookableRoom.objects.filter(space__in=spaces).delete()
    spaces.delete()
    forget(BookableSpace)


def _rooms(ctx: DemoContext, rng: random.Random, spaces: list[BookableSpace]):
    existing: dict[int, list[Place]] = {}
    for room in Place.objects.filter(
        building__in=[s.place for s in spaces], kind=Place.Kind.ROOM
    ).order_by("pk"):
        existing.setdefault(room.building_id, []).append(room)
    made: list[Place] = []
    pairs: list[tuple[BookableSpace, Place, int]] = []
    for space in spaces:
        places = existing.get(space.place.pk)
        if places:
            pairs += [(space, p, capacity_in(p.description)) for p in places]
            continue
        kind = kind_of_building(space.place.name)
        for name, capacity, facilities in layout_for(rng, kind):
            room = Place(
                kind=Place.Kind.ROOM,
                name=name,
                description=CAPACITY.format(n=capacity),
                building=space.place,
                ward_id=space.place.ward_id,
                latitude=space.place.latitude,
                longitude=space.place.longitude,
                owner=space.place.owner,
                facilities=[f for f in facilities if f in vocab.FACILITIES],
                is_listed=True,
            )
            made.append(room)
            pairs.append((space, room, capacity))
    places_create(places=made)
    ctx.remember(made)  # the places part clears them with the other demo places
    rooms = [BookableRoom(space=s, place=p, capacity=c) for s, p, c in pairs]
    BookableRoom.objects.bulk_create(rooms)
    return rooms


def _windows(ctx: DemoContext, spaces: list[BookableSpace]) -> dict[int, list]:
    first = ctx.now.date().replace(day=1) - timedelta(days=31)
    windows: list[AvailabilityWindow] = []
    for space in spaces:
        if kind_of_building(space.place.name) in {"school", "library"}:
            # Used by the school or library in the day: evenings and weekends only.
            windows.append(_window(space, [0, 1, 2, 3, 4], time(18), time(22), first))
            windows.append(_window(space, [5, 6], time(9), time(17), first))
        else:
            windows.append(_window(space, list(range(7)), time(9), time(21), first))
    AvailabilityWindow.objects.bulk_create(windows)
    by_space: dict[int, list] = {}
    for window in windows:
        by_space.setdefault(window.space.pk, []).append(window)
    return by_space


def _window(space, weekdays, opens, closes, first: date) -> AvailabilityWindow:
    return AvailabilityWindow(
        space=space, weekdays=weekdays, opens=opens, closes=closes, valid_from=first
    )


def _bookings(ctx, rng: random.Random, rooms, windows, resident) -> list[Booking]:
    """A few two-hour bookings a room, at the start of windows, never overlapping."""
    requesters = list(
        User.objects.filter(email__startswith=EMAIL_PREFIX, email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    ) or [resident]
    requesters = [r for r in requesters if r is not None]
    if not requesters:
        return []
    today = timezone.localdate(ctx.now)
    bookings: list[Booking] = []
    for index, room in enumerate(rooms):
        taken: set[date] = set()
        for _ in range(rng.randint(3, 8)):
            day = today + timedelta(days=rng.randint(-20, 45))
            window = next((w for w in windows[room.space.pk] if day.weekday() in w.weekdays), None)
            if window is None or day in taken:
                continue
            taken.add(day)
            start = timezone.make_aware(datetime.combine(day, window.opens))
            future = start > ctx.now
            status = Booking.Status.CONFIRMED
            if future and not room.space.auto_approve and rng.random() < 0.3:
                status = Booking.Status.REQUESTED
            bookings.append(
                Booking(
                    room=room,
                    starts_at=start,
                    ends_at=start + timedelta(hours=2),
                    purpose=rng.choice(PURPOSES),
                    requested_by_id=rng.choice(requesters),
                    status=status,
                    decided_at=None
                    if status == Booking.Status.REQUESTED
                    else min(start, ctx.now)
                    - timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 8)),
                )
            )
        if index == 0 and resident is not None:
            day = today + timedelta(days=7)
            while day in taken or not any(
                day.weekday() in w.weekdays for w in windows[room.space.pk]
            ):
                day += timedelta(days=1)
            window = next(w for w in windows[room.space.pk] if day.weekday() in w.weekdays)
            start = timezone.make_aware(datetime.combine(day, window.opens))
            bookings.append(
                Booking(
                    room=room,
                    starts_at=start,
                    ends_at=start + timedelta(hours=2),
                    purpose="Knit and natter",
                    requested_by_id=resident,
                    status=Booking.Status.REQUESTED,
                )
            )
    Booking.objects.bulk_create(bookings)
    return bookings
