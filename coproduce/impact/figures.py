"""The figures an impact page shows, built from the counts: each one is drawn as a chart,
written as a table beside it and downloaded as a CSV, all from the same rows, so the three
always say the same.

Small numbers: on the public pages every count goes through public_count (1 to 4 is
"fewer than 5", drawn with no column). On the officers' pages counts are exact, except
counts of people (taking part, people who came), which go through public_count there too,
as on the insights pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.common.charts import written
from coproduce.common.counts import is_suppressed, public_count
from coproduce.feedback.selectors import answer_days
from coproduce.projects.models import Project

from .selectors import Counts


@dataclass(frozen=True)
class Row:
    label: str
    value: float  # the height of the column (0 when hidden)
    shown: str  # the number as the chart, the table and the CSV write it


@dataclass(frozen=True)
class Figure:
    slug: str
    title: str
    label_heading: str  # the heading of the table's first column
    value_heading: str  # the heading of its numbers
    rows: list[Row]
    note: str = ""

    @property
    def chart_rows(self) -> list[tuple[str, float, str]]:
        return [(row.label, row.value, row.shown) for row in self.rows]


SLUGS = (
    "taking-part",
    "hours",
    "projects",
    "learning",
    "events",
    "attendance",
    "rooms",
    "items",
    "feedback",
)

FEEDBACK_ROWS = (
    ("on_time", gettext_lazy("Answered on time")),
    ("late", gettext_lazy("Answered late")),
    ("overdue", gettext_lazy("Not answered, time is up")),
    ("not_due", gettext_lazy("Not answered yet, still in time")),
)


def _row(label: str, count: float, *, hide_small: bool) -> Row:
    if hide_small and is_suppressed(int(count)) and count == int(count):
        return Row(label, 0, public_count(int(count), fewer_than=_("fewer than 5")))
    return Row(label, count, written(count))


def _hours_row(label: str, minutes: int, *, hide_small: bool) -> Row:
    hours = round(minutes / 60, 1)
    if hide_small and 0 < hours < 5:
        return Row(label, 0, _("fewer than 5"))
    return Row(label, hours, written(hours))


def _month(month) -> str:
    return date_format(month, "M Y")


def figures(counts: Counts, *, public: bool) -> list[Figure]:
    """Every figure, in the order the page shows them. `public`: hide every small count."""
    monthly = [(_month(month), month) for month in counts.months]

    def by_month(values: dict, *, people: bool = False) -> list[Row]:
        hide = public or people
        return [_row(label, values.get(month, 0), hide_small=hide) for label, month in monthly]

    stages = [
        _row(str(label), counts.stages.get(value, 0), hide_small=public)
        for value, label in Project.Status.choices
    ]
    month_heading = _("Month")
    return [
        Figure(
            "taking-part",
            _("People taking part, each month"),
            month_heading,
            _("People"),
            by_month(counts.taking_part, people=True),
            _(
                "Different people who came to an event, helped with a project, commented, "
                "swapped time, answered a survey, joined a conversation or joined a group."
            ),
        ),
        Figure(
            "hours",
            _("Hours exchanged in the time bank, each month"),
            month_heading,
            _("Hours"),
            [
                _hours_row(label, counts.minutes.get(month, 0), hide_small=public)
                for label, month in monthly
            ],
        ),
        Figure(
            "projects",
            _("Projects at each stage"),
            _("Stage"),
            _("Projects"),
            stages,
        ),
        Figure(
            "learning",
            _("Actions done and barriers busted, last 12 months"),
            _("What"),
            _("How many"),
            [
                _row(_("Actions done"), counts.actions_done, hide_small=public),
                _row(_("Barriers busted"), counts.barriers_busted, hide_small=public),
            ],
            _("As reported back at action learning sets."),
        ),
        Figure(
            "events",
            _("Events held, each month"),
            month_heading,
            _("Events"),
            by_month(counts.events),
        ),
        Figure(
            "attendance",
            _("People who came to events, each month"),
            month_heading,
            _("People"),
            by_month(counts.came, people=True),
            _("As the organisers recorded it."),
        ),
        Figure(
            "rooms",
            _("Rooms used, each month"),
            month_heading,
            _("Bookings"),
            by_month(counts.bookings),
            _("Confirmed bookings of community rooms."),
        ),
        Figure(
            "items",
            _("Things shared, each month"),
            month_heading,
            _("Things"),
            by_month(counts.items),
            _("Things given away or lent to a neighbour."),
        ),
        Figure(
            "feedback",
            _("Feedback on services, last 12 months: was it answered on time?"),
            _("Answer"),
            _("Feedback"),
            [
                _row(str(label), counts.feedback.get(key, 0), hide_small=public)
                for key, label in FEEDBACK_ROWS
            ],
            _("On time means answered within %(days)s days.") % {"days": answer_days()},
        ),
    ]


def figure(counts: Counts, slug: str, *, public: bool) -> Figure | None:
    return next((found for found in figures(counts, public=public) if found.slug == slug), None)
