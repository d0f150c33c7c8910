"""Gatherings: events and their series, places at them, open agendas, and action learning
set treatments with their follow-through."""

from .agenda import AgendaInterest, AgendaItem
from .choices import Ballot, BallotMark, Choice, ChoiceOption
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
    "Ballot",
    "BallotMark",
    "Barrier",
    "BarrierTheme",
    "CalendarFeed",
    "Choice",
    "ChoiceOption",
    "Column",
    "ColumnNote",
    "Event",
    "EventOrganiserInvitation",
    "ReportBack",
    "Rsvp",
    "Series",
    "Treatment",
]
