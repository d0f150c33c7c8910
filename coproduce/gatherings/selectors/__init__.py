"""Reads of gatherings that cross relations: lists, one event's page, a set's progress, and
the barrier library. Callers use `selectors.<name>` whichever module below holds it."""

from .agenda import Board, agenda_for, board_for
from .barriers import LibraryEntry, barrier_library, barriers_of_theme, barriers_unlinked
from .events import (
    PAGE_SIZE,
    access_summary,
    attendees_for_organisers,
    event_detail,
    events_of,
    events_organised_by,
    events_upcoming,
    organiser_invitation_for,
    organiser_invitations_waiting,
    rsvp_of,
    waiting_position,
)
from .series import ProjectProgress, series_detail, set_progress
from .treatments import (
    actions_owned_by,
    earlier_sessions_of,
    report_backs_due,
    report_backs_for,
    treatment_board,
    treatment_detail,
    treatments_for,
    treatments_of_project,
)

__all__ = [
    "PAGE_SIZE",
    "Board",
    "LibraryEntry",
    "ProjectProgress",
    "access_summary",
    "actions_owned_by",
    "agenda_for",
    "attendees_for_organisers",
    "barrier_library",
    "barriers_of_theme",
    "barriers_unlinked",
    "board_for",
    "earlier_sessions_of",
    "event_detail",
    "events_of",
    "events_organised_by",
    "events_upcoming",
    "organiser_invitation_for",
    "organiser_invitations_waiting",
    "report_backs_due",
    "report_backs_for",
    "rsvp_of",
    "series_detail",
    "set_progress",
    "treatment_board",
    "treatment_detail",
    "treatments_for",
    "treatments_of_project",
    "waiting_position",
]
