"""The gatherings forms, by what they are for."""

from .agenda import AgendaItemForm, ArrangeForm
from .events import (
    EventFilterForm,
    EventForm,
    OrganiserForm,
    ReasonForm,
    RsvpForm,
    SeriesForm,
)
from .treatments import (
    ActionForm,
    BustForm,
    LinkForm,
    NoteForm,
    ReportBackForm,
    TreatmentForm,
)

__all__ = [
    "ActionForm",
    "AgendaItemForm",
    "ArrangeForm",
    "BustForm",
    "EventFilterForm",
    "EventForm",
    "LinkForm",
    "NoteForm",
    "OrganiserForm",
    "ReasonForm",
    "ReportBackForm",
    "RsvpForm",
    "SeriesForm",
    "TreatmentForm",
]
