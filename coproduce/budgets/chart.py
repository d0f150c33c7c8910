"""The layout of a horizontal bar chart of votes, drawn as SVG by a template. Pure: no Django.

Each bar is one proposal; its length is its votes over the most any proposal got. The
template draws the bars and labels from these numbers; a table beside the chart says the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260  # room for the proposal's title on the left
VALUE_ROOM = 70  # room for the number at the end of the longest bar
TOP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    chosen: bool
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


def shorten(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(rows: Sequence[tuple[str, int, bool]], *, width: int = 720) -> Chart:
    """Lay out one bar per (label, votes, chosen) row, in the order given."""
    room = width - LABEL_WIDTH - VALUE_ROOM
    most = max((value for _label, value, _chosen in rows), default=0)
    bars = []
    for index, (label, value, chosen) in enumerate(rows):
        y = TOP + index * (BAR_HEIGHT + GAP)
        length = room * value / most if most else 0.0
        bars.append(
            Bar(
                label=shorten(label),
                value=value,
                chosen=chosen,
                y=y,
                text_y=y + BAR_HEIGHT - 6,
                width=round(length, 1),
                value_x=round(LABEL_WIDTH + length + 6, 1),
            )
        )
    height = TOP * 2 + len(rows) * (BAR_HEIGHT + GAP)
    return Chart(
        width=width, height=height, label_width=LABEL_WIDTH, label_x=LABEL_WIDTH - 8, bars=bars
    )
