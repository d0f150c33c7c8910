"""The layout of a column chart: one upright column per row, left to right, for counts over
time (one column a month) or a few categories. Pure: no Django.

Each row is (label, value, shown): `shown` is the text written above the column, so a page
that hides small numbers writes "fewer than 5" and draws no column, and the chart says
exactly what the table beside it says. The `column_chart` template tag
(common/templatetags/charts.py) draws the layout as SVG.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coproduce.common.charts import shorten, written

HEIGHT = 180  # the tallest column
TOP = 24  # room for the number above the tallest column
LABEL_ROOM = 40  # room for the label under each column
PITCH = 80  # the least room each column gets
CHARACTER = 6.5  # about how wide a character of the 12px labels is


@dataclass(frozen=True)
class Column:
    label: str
    value: float
    shown: str
    x: float  # left edge of the column
    y: float  # top of the column
    height: float
    centre: float  # where the label and number are centred
    value_y: float  # baseline of the number
    label_y: float  # baseline of the label


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    column_width: float
    baseline: int  # the y of the axis the columns stand on
    columns: list[Column]


def row_parts(row: tuple) -> tuple[str, float, str]:
    """A row as (label, value, shown); `shown` defaults to the value as charts write it."""
    label, value = str(row[0]), row[1] or 0
    shown = str(row[2]) if len(row) > 2 and row[2] is not None else written(value)
    return label, value, shown


def column_chart(rows: Iterable[tuple], *, width: int = 720) -> ColumnChart:
    """Lay out one column per row, in the order given. With many rows the chart grows wider
    (and is scaled to fit the page) rather than squeezing its labels."""
    rows = [row_parts(row) for row in rows]
    width = max(width, PITCH * len(rows))
    pitch = width / len(rows) if rows else width
    column_width = round(pitch * 0.6, 1)
    limit = max(int(pitch / CHARACTER), 4)
    most = max((value for _label, value, _shown in rows), default=0)
    baseline = TOP + HEIGHT
    columns = []
    for index, (label, value, shown) in enumerate(rows):
        height = round(HEIGHT * value / most, 1) if most > 0 and value > 0 else 0.0
        centre = round(pitch * index + pitch / 2, 1)
        columns.append(
            Column(
                label=shorten(label, limit),
                value=value,
                shown=shown,
                x=round(centre - column_width / 2, 1),
                y=round(baseline - height, 1),
                height=height,
                centre=centre,
                value_y=round(baseline - height - 6, 1),
                label_y=baseline + 18,
            )
        )
    return ColumnChart(
        width=int(width),
        height=baseline + LABEL_ROOM,
        column_width=column_width,
        baseline=baseline,
        columns=columns,
    )
