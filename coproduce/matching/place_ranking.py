"""Places for a need: in or next to its ward, open when it is needed. Pure: no Django.

The same need (a `ranking.NeedSpec`) as people are ranked against; see ranking.py for how
reasons are written and translated.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from coproduce.common import opening_hours, week

from .ranking import DAY_PLURALS, TIME_PHRASES, TIMES, NeedSpec, _, _join


class PlaceRow(NamedTuple):
    place_id: int
    ward_id: int
    step_free: bool
    open_week: str  # 672 characters, "" when the hours are not known


@dataclass(frozen=True)
class PlaceMatch:
    place_id: int
    score: int
    reasons: list[str]


def rank_places(
    need: NeedSpec,
    places: Iterable[PlaceRow],
    *,
    needs_step_free: bool = False,
    limit: int = 10,
    translate: Callable[[str], str] = _,
) -> list[PlaceMatch]:
    """Places in or next to the need's ward, open when it is needed, best first.

    20 points in the ward, 10 next to it; 10 per needed day it is open (places shut on every
    needed day are left out; places with no known hours score 0 for days, with a reason
    saying so); step-free access is required when asked for, and mentioned.
    """
    # Scores first, words only for the places kept: a ward and its neighbours hold
    # thousands of places, and translating reasons for all of them was most of the time.
    scored: list[tuple[int, PlaceRow, list[str]]] = []
    for row in places:
        if needs_step_free and not row.step_free:
            continue
        score = 0
        if need.ward_id is not None:
            if row.ward_id == need.ward_id:
                score += 20
            elif row.ward_id in need.neighbour_ward_ids:
                score += 10
            else:
                continue
        open_days: list[str] = []
        if need.days and row.open_week:
            open_days = [
                day.code
                for day in week.WEEK
                if day.code in need.days
                and opening_hours.is_open_on(row.open_week, day.index, need.times)
            ]
            if not open_days:
                continue
            score += 10 * len(open_days)
        score += row.step_free
        scored.append((score, row, open_days))
    scored.sort(key=lambda item: -item[0])  # stable: earlier rows first among equals
    return [
        PlaceMatch(row.place_id, score, _place_reasons(need, row, open_days, translate))
        for score, row, open_days in scored[:limit]
    ]


def _place_reasons(
    need: NeedSpec, row: PlaceRow, open_days: list[str], translate: Callable[[str], str]
) -> list[str]:
    reasons = []
    if need.ward_id is not None:
        if row.ward_id == need.ward_id:
            reasons.append(translate("In this ward"))
        else:
            reasons.append(translate("In a neighbouring ward"))
    if need.days:
        if not row.open_week:
            reasons.append(translate("Opening hours not known"))
        else:
            names = _join([translate(DAY_PLURALS[d]) for d in open_days], translate)
            if need.times:
                phrases = [translate(TIME_PHRASES[t]) for t in TIMES if t in need.times]
                times = _join(phrases, translate)
                reasons.append(
                    translate("Open on %(days)s %(times)s") % {"days": names, "times": times}
                )
            else:
                reasons.append(translate("Open on %(days)s") % {"days": names})
    if row.step_free:
        reasons.append(translate("Step-free access"))
    return reasons
