"""The layout of a horizontal bar chart, the one every results page draws. Pure: no Django.

Each row is (label, value) or (label, value, highlighted); a bar's length is its value over
the largest. The `bar_chart` template tag (common/templatetags/charts.py) draws the layout
as SVG; the page puts a table beside it that says the same in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260  # room for the label on the left (less in a narrow chart)
VALUE_ROOM = 70  # room for the number at the end of the longest bar
TOP = 10
CHARACTER = 7.5  # about how wide a character of the 14px labels is
# Longer labels end with an ellipsis (the table beside the chart has them whole).


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as written at the end of the bar
    highlighted: bool
    y: int  # top of the bar
    text_y: int  # baseline of its label and value
    width: float  # length of the bar
    value_x: float  # where its number starts


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    label_x: int  # where labels end (they are right-aligned)
    bars: list[Bar]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def written(value: float, unit: str = "") -> str:
    """A value as the chart writes it: whole numbers without a point, others to one place."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{unit}"


def bar_chart(rows: Iterable[tuple], *, width: int = 720, unit: str = "") -> Chart:
    """Lay out one bar per row, in the order given. A narrow chart (a half-width column)
    keeps its text the same size by giving labels less room rather than being scaled down."""
    rows = [(str(row[0]), row[1], bool(row[2]) if len(row) > 2 else False) for row in rows]
    label_width = min(LABEL_WIDTH, int(width * 0.36))
    limit = int(label_width / CHARACTER)
    room = width - label_width - VALUE_ROOM
    most = max((value for _label, value, _high in rows), default=0)
    bars = []
    for index, (label, value, highlighted) in enumerate(rows):
        y = TOP + index * (BAR_HEIGHT + GAP)
        length = room * value / most if most > 0 else 0.0
        bars.append(
            Bar(
                label=shorten(label, limit),
                value=value,
                shown=written(value, unit),
                highlighted=highlighted,
                y=y,
                text_y=y + BAR_HEIGHT - 6,
                width=round(max(length, 0.0), 1),
                value_x=round(label_width + max(length, 0.0) + 6, 1),
            )
        )
    height = TOP * 2 + len(rows) * (BAR_HEIGHT + GAP)
    return Chart(
        width=width, height=height, label_width=label_width, label_x=label_width - 8, bars=bars
    )
