"""Gatherings: events and their series, places at them, open agendas, and action learning
set treatments with their follow-through."""

from .agenda import AgendaInterest, AgendaItem
from .events import CalendarFeed, Event, Rsvp, Series
from .invitations import EventOrganiserInvitation
from .treatments import (
    Action,
    ActionReminder,
    Barrier,
    BarrierTheme,
    Column,
    ColumnNote,
    ReportBack,
    Treatment,
)

__all__ = [
    "Action",
    "ActionReminder",
    "AgendaInterest",
    "AgendaItem",
    "Barrier",
    "BarrierTheme",
    "CalendarFeed",
    "Column",
    "ColumnNote",
    "Event",
    "EventOrganiserInvitation",
    "ReportBack",
    "Rsvp",
    "Series",
    "Treatment",
]
