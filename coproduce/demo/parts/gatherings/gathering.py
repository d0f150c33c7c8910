"""An event being planned, and who should get a place at it. Nothing is saved until the
places are worked out (see rsvps), because the event keeps their counts."""

from dataclasses import dataclass, field
from datetime import date

from coproduce.gatherings.models import Event

from .dates import LONDON

ONLINE = "https://meet.example.org/northbrook/{}"


def make_event(**fields) -> Event:
    """An event that offers step-free access wherever its place is step free."""
    if fields.get("place") is not None and fields["place"].step_free:
        fields["access_provisions"] = ["step_free", *fields.get("access_provisions", [])]
    return Event(**fields)


@dataclass
class Gathering:
    """An event being planned: who organises it, and who should get a place."""

    event: Event
    organisers: list[int]
    going: int
    pool: list[int]
    waiting: int = 0
    must: list[int] = field(default_factory=list)
    asks: dict[int, tuple[list[str], str]] = field(default_factory=dict)
    confirmed: list[int] = field(default_factory=list)
    came: list[int] = field(default_factory=list)
    holders: list[int] = field(default_factory=list)  # confirmed or waiting

    @property
    def day(self) -> date:
        return self.event.starts_at.astimezone(LONDON).date()
