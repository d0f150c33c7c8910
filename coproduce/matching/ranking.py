"""Ranking people and places for a need, each with its reasons. Plain Python: no Django import.

Contract
--------
`rank_people(need, candidates, limit=...)` takes a `NeedSpec` and candidate rows that the
caller has already filtered in SQL (active, open to invitations, visible, holding at least one
of the need's skills). It returns the best `limit` as `Match`es, best first, each with an
integer score and plain-English reasons, and how many candidates were still available.

A field the asker may not see is passed as None ("unknown"): the ranker then neither uses it
to exclude, nor gives points for it, nor mentions it in a reason. So hidden availability
ranks a person lower but never reveals anything.

Scoring (integer points; ties broken by the order the rows came in)
-------------------------------------------------------------------
- Skills: up to 50, in proportion to the need's skills the person has.
- Days (when the need names days): 10 for sharing one, up to 20 when free on all of them.
  Known days that share none of the need's days exclude the person.
- Times of day (when the need names them): 10 if free at one. Known times sharing none of
  them exclude the person.
- Where: 20 if they live in the need's ward; 12 in a neighbouring ward (unless they only
  travel within their own ward or street, which excludes them); 10 if they travel anywhere in
  the borough; online-only people are excluded unless the need can be done online (then 10).
  With no ward on the need, "where" gives no points.
- Hours a month: 5 for 4 or more, 10 for 10 or more.

The hot loop is a lookup of each part's points in a small table filled on first sight of a
value (people share few distinct day sets, time sets, skill sets, ward and travel pairs), so
100,000 rows take a few tens of milliseconds. Reasons are written only for the rows returned.
"""

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import add, itemgetter
from typing import NamedTuple

from coproduce.common import week

# Far below any sum of points, so one excluding part excludes the row.
EXCLUDED = -1_000_000


def _(text: str) -> str:
    """Marks text for translation; `translate` (gettext in Django) translates it later."""
    return text


# Days and times of day as people and needs store them ("mon", "morning"): see common.week,
# where the words are marked for translation.
DAYS = week.CODES
DAY_PLURALS = {day.code: day.plural for day in week.WEEK}
TIMES = week.TIME_CODES
TIME_PHRASES = {time.code: time.phrase for time in week.TIMES_OF_DAY}


@dataclass(frozen=True)
class NeedSpec:
    skill_ids: frozenset[int]
    skill_names: Mapping[int, str] = field(default_factory=dict)
    days: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    ward_id: int | None = None
    neighbour_ward_ids: frozenset[int] = frozenset()
    online_ok: bool = False


class Candidate(NamedTuple):
    """One person as the asker may see them. None means "not shared with the asker".

    Build it with `candidate()`, which packs the fields that score into `code`.
    """

    person_id: int
    skill_ids: frozenset[int]
    days: frozenset[str] | None
    times: frozenset[str] | None
    ward_id: int | None
    travel: str | None  # street, ward, nearby, borough, online
    hours_per_month: int | None
    when: int = 0
    where: int = 0


TRAVEL = (None, "street", "ward", "nearby", "borough", "online")
_TRAVEL_INDEX = {value: index for index, value in enumerate(TRAVEL)}
_DAY_BITS = {day: 1 << i for i, day in enumerate(DAYS)}
_TIME_BITS = {time: 1 << i for i, time in enumerate(TIMES)}


def _bits(values, table: Mapping[str, int]) -> int:
    return sum(table.get(value, 0) for value in set(values or ()))


def candidate(
    person_id: int,
    skill_ids: frozenset[int],
    days: frozenset[str] | None,
    times: frozenset[str] | None,
    ward_id: int | None,
    travel: str | None,
    hours_per_month: int | None,
) -> Candidate:
    """A candidate row with its two codes: the fields that score, packed into integers.

    `when`: bits 0-6 days, 7-9 times, 10-11 hours (under 4, 4 to 9, 10 or more).
    `where`: bits 0-2 travel, 3-47 ward id, 48 and up one bit per skill id.
    Ranking then costs two table lookups per row; each table is filled once per distinct
    code, and people share few: the days, times and hours people give repeat a lot, and so
    do wards, travel and the few skills a need asks for.
    """
    hours = hours_per_month or 0
    when = (
        _bits(days, _DAY_BITS)
        | _bits(times, _TIME_BITS) << 7
        | (2 if hours >= 10 else 1 if hours >= 4 else 0) << 10
    )
    where = (
        _TRAVEL_INDEX.get(travel or None, 0)
        | (ward_id or 0) << 3
        | sum(1 << skill_id for skill_id in skill_ids) << 48
    )
    return Candidate(
        person_id, skill_ids, days, times, ward_id, travel, hours_per_month, when, where
    )  # fmt: skip


@dataclass(frozen=True)
class Match:
    person_id: int
    score: int
    reasons: list[str]


@dataclass(frozen=True)
class Ranking:
    matches: list[Match]
    available: int  # candidates not excluded, of which `matches` are the best


def _join(words: Sequence[str], translate: Callable[[str], str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return translate("%(first)s and %(last)s") % {
        "first": ", ".join(words[:-1]),
        "last": words[-1],
    }


class _Table(dict):
    """Points for one part of a row, worked out the first time each value is seen."""

    def __init__(self, points: Callable) -> None:
        super().__init__()
        self.points = points

    def __missing__(self, key):
        value = self[key] = self.points(key)
        return value


class _Scorer:
    def __init__(self, need: NeedSpec) -> None:
        self.need = need
        self.skills = _Table(self._skill_points)
        self.days = _Table(self._day_points)
        self.times = _Table(self._time_points)
        self.place = _Table(self._place_points)
        self.hours = _Table(self._hours_points)
        self.when = _Table(self._when_points)
        self.where = _Table(self._where_points)

    def _skill_points(self, skill_ids: frozenset[int]) -> int:
        wanted = self.need.skill_ids
        have = len(wanted & skill_ids)
        if not have:
            return EXCLUDED
        return 50 * have // len(wanted)

    def _day_points(self, days: frozenset[str] | None) -> int:
        wanted = self.need.days
        if not wanted or not days:  # no days asked for, or not known
            return 0
        shared = len(wanted & days)
        return 10 + 10 * shared // len(wanted) if shared else EXCLUDED

    def _time_points(self, times: frozenset[str] | None) -> int:
        wanted = self.need.times
        if not wanted or not times:
            return 0
        return 10 if wanted & times else EXCLUDED

    def _place_points(self, key: tuple[int | None, str | None]) -> int:
        ward_id, travel = key
        need = self.need
        if travel == "online":
            return 10 if need.online_ok else EXCLUDED
        if need.ward_id is None:
            return 0
        if ward_id == need.ward_id:
            return 20
        if travel in ("street", "ward"):
            return 10 if need.online_ok else EXCLUDED
        if ward_id in need.neighbour_ward_ids and travel in (None, "", "nearby", "borough"):
            return 12
        if travel == "borough" or need.online_ok:
            return 10
        if travel == "nearby":
            return EXCLUDED
        return 0  # how far they travel is not known

    @staticmethod
    def _hours_points(hours: int | None) -> int:
        if not hours:
            return 0
        return 10 if hours >= 10 else 5 if hours >= 4 else 0

    def _when_points(self, when: int) -> int:
        days = frozenset(d for d in DAYS if when & _DAY_BITS[d])
        times = frozenset(t for t in TIMES if when >> 7 & _TIME_BITS[t])
        hours = (0, 4, 10)[when >> 10 & 3]
        return self.days[days or None] + self.times[times or None] + self.hours[hours]

    def _where_points(self, where: int) -> int:
        skills = where >> 48
        skill_ids = frozenset(i for i in range(skills.bit_length()) if skills >> i & 1)
        ward_id = (where >> 3) & (2**45 - 1) or None
        return self.skills[skill_ids] + self.place[ward_id, TRAVEL[where & 7]]

    def reasons(self, row: Candidate, translate: Callable[[str], str]) -> list[str]:
        need = self.need
        reasons = []
        have = sorted(
            (need.skill_names.get(s, str(s)) for s in need.skill_ids & row.skill_ids),
            key=str.lower,
        )
        names = ", ".join(have)
        if len(need.skill_ids) == 1:
            reasons.append(translate("Has the skill: %(names)s") % {"names": names})
        elif len(have) == len(need.skill_ids):
            reasons.append(
                translate("Has all %(total)d skills: %(names)s")
                % {"total": len(have), "names": names}
            )
        else:
            reasons.append(
                translate("Has %(have)d of the %(total)d skills: %(names)s")
                % {"have": len(have), "total": len(need.skill_ids), "names": names}
            )
        if need.days:
            if row.days:
                days = [translate(DAY_PLURALS[d]) for d in DAYS if d in need.days & row.days]
                reasons.append(translate("Free on %(days)s") % {"days": _join(days, translate)})
            else:
                reasons.append(translate("Has not shared with you which days they are free"))
        if need.times and row.times:
            times = [translate(TIME_PHRASES[t]) for t in TIMES if t in need.times & row.times]
            reasons.append(translate("Free %(times)s") % {"times": _join(times, translate)})
        if row.travel == "online":
            reasons.append(translate("Can help online"))
        elif need.ward_id is not None:
            if row.ward_id == need.ward_id:
                reasons.append(translate("Lives in this ward"))
            elif row.ward_id in need.neighbour_ward_ids and row.travel != "ward":
                reasons.append(translate("Lives in a neighbouring ward"))
            elif row.travel == "borough":
                reasons.append(translate("Can travel anywhere in the borough"))
            elif need.online_ok:
                reasons.append(translate("Can help online"))
        if row.hours_per_month and row.hours_per_month >= 4:
            reasons.append(
                translate("Could give about %(hours)d hours a month")
                % {"hours": row.hours_per_month}
            )
        return reasons


def rank_people(
    need: NeedSpec,
    candidates: Sequence[Candidate],
    *,
    limit: int = 20,
    translate: Callable[[str], str] = _,
) -> Ranking:
    """The best `limit` candidates for the need, best first, with their reasons."""
    if not need.skill_ids or not candidates:
        return Ranking(matches=[], available=0)
    scorer = _Scorer(need)

    # The hot loop, run in C by map(): each row's two codes looked up in tables of points,
    # then added. An excluding part is so negative that the sum stays below zero.
    scores = list(
        map(
            add,
            map(scorer.when.__getitem__, map(itemgetter(7), candidates)),
            map(scorer.where.__getitem__, map(itemgetter(8), candidates)),
        )
    )
    histogram = Counter(scores)
    available = sum(n for score, n in histogram.items() if score >= 0)
    # The lowest score still among the best `limit`, then only rows at or above it.
    threshold, taken = 0, 0
    for score in sorted((s for s in histogram if s >= 0), reverse=True):
        threshold, taken = score, taken + histogram[score]
        if taken >= limit:
            break
    best = list(compress(range(len(scores)), map(threshold.__le__, scores)))
    best.sort(key=lambda i: -scores[i])  # stable: earlier rows first among equals
    matches = [
        Match(candidates[i].person_id, scores[i], scorer.reasons(candidates[i], translate))
        for i in best[:limit]
    ]
    return Ranking(matches=matches, available=available)
