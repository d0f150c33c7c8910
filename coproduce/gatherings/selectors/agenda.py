"""Reads of an Open Space agenda: the suggestions with their interest, and the board."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..models import AgendaInterest, AgendaItem, Event


def agenda_for(event: Event, user=None) -> tuple[list[AgendaItem], set[int]]:
    """The suggestions still standing, most interest first, and which ones this person backs."""
    items = list(
        event.agenda_items.exclude(status=AgendaItem.Status.WITHDRAWN)
        .select_related("proposed_by")
        .order_by("-interest_count", "pk")
    )
    mine: set[int] = set()
    if user is not None and user.is_authenticated:
        mine = set(
            AgendaInterest.objects.filter(item__event=event, user=user).values_list(
                "item_id", flat=True
            )
        )
    return items, mine


@dataclass
class Board:
    """The Open Space board: rooms across, time slots down."""

    rooms: list[str]
    slots: list[tuple[datetime, datetime]]
    cells: dict[tuple[int, int], list[AgendaItem]]
    unscheduled: list[AgendaItem]

    def rows(self):
        for slot_index, slot in enumerate(self.slots):
            yield slot, [self.cells.get((slot_index, r), []) for r in range(len(self.rooms))]


def board_for(event: Event) -> Board:
    items = list(event.agenda_items.exclude(status=AgendaItem.Status.WITHDRAWN))
    scheduled = [i for i in items if i.status == AgendaItem.Status.SCHEDULED]
    # One column per room however it was typed: "Hall" and "hall" are one room, as they are
    # for the clash rule in services.agenda. The column takes the first spelling used.
    spelling: dict[str, str] = {}
    for item in sorted(scheduled, key=lambda i: i.pk):
        spelling.setdefault(item.room.lower(), item.room)
    room_keys = sorted(spelling)
    rooms = [spelling[key] for key in room_keys]
    slots = sorted({(i.slot_starts_at, i.slot_ends_at) for i in scheduled})
    cells: dict[tuple[int, int], list[AgendaItem]] = defaultdict(list)
    for item in scheduled:
        cells[
            (
                slots.index((item.slot_starts_at, item.slot_ends_at)),
                room_keys.index(item.room.lower()),
            )
        ].append(item)
    unscheduled = sorted(
        (i for i in items if i.status == AgendaItem.Status.PROPOSED),
        key=lambda i: (-i.interest_count, i.pk),
    )
    return Board(rooms=rooms, slots=slots, cells=dict(cells), unscheduled=unscheduled)
