"""The days of the week and the times of day, in every form the project keeps them.

No Django import. One list, Monday first, and each day in each of its forms:

- `index`  0 (Monday) to 6, as `datetime.weekday()` counts: places' opening hours
           ({"day": 0, ...}) and the quarter-hour week mask use it;
- `code`   "mon" to "sun": the days people say they are free and the days a need asks for;
- `oruk`   "MO" to "SU": iCalendar BYDAY codes, as Open Referral UK schedules store them;
- `short`  "Mon" to "Sun": how days are written in CSV files (not translated: files are
           read back);
- `name` and `plural`: English words for people. They are marked for translation here and
           translated where they are shown (gettext, or gettext_lazy for Django choices).

Times of day ("morning", ...) are the other half of when people are free; each covers hours
of the day, which is how matching asks a place's opening hours about them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

K = TypeVar("K", int, str)  # a day as an index, a code or an ORUK code


def _(text: str) -> str:
    """Marks text for translation (makemessages finds it); Django code translates it."""
    return text


@dataclass(frozen=True)
class Day:
    index: int
    code: str
    oruk: str
    short: str
    name: str
    plural: str


WEEK: tuple[Day, ...] = (
    Day(0, "mon", "MO", "Mon", _("Monday"), _("Mondays")),
    Day(1, "tue", "TU", "Tue", _("Tuesday"), _("Tuesdays")),
    Day(2, "wed", "WE", "Wed", _("Wednesday"), _("Wednesdays")),
    Day(3, "thu", "TH", "Thu", _("Thursday"), _("Thursdays")),
    Day(4, "fri", "FR", "Fri", _("Friday"), _("Fridays")),
    Day(5, "sat", "SA", "Sat", _("Saturday"), _("Saturdays")),
    Day(6, "sun", "SU", "Sun", _("Sunday"), _("Sundays")),
)
CODES: tuple[str, ...] = tuple(day.code for day in WEEK)
ORUK_CODES: tuple[str, ...] = tuple(day.oruk for day in WEEK)

_BY_KEY = {key: day for day in WEEK for key in (day.index, day.code, day.oruk)}
_BY_FIRST_LETTERS = {day.short.lower(): day for day in WEEK}


def day(key: int | str) -> Day:
    """The day for an index (0-6), a code ("mon") or an ORUK code ("MO"). Raises KeyError."""
    return _BY_KEY[key]


def day_of(moment: date) -> Day:
    """The day of the week of a date or (local) datetime."""
    return WEEK[moment.weekday()]


def day_named(word: str) -> Day | None:
    """The day a person meant by a word, or None.

    Takes a two-letter ORUK code ("mo"), or the start of the day's English name of three
    letters or more, with or without a full stop ("Mon", "tues", "Thurs.", "Saturday").
    Case does not matter.
    """
    text = word.strip().lower()
    if len(text) == 2:
        return _BY_KEY.get(text.upper())
    # The first three letters must be the day's; any more must be the rest of its name.
    found = _BY_FIRST_LETTERS.get(text[:3])
    if found is None or not found.name.lower().startswith(text.rstrip(".")):
        return None
    return found


def in_week_order(days: Iterable[K]) -> list[K]:
    """The days given, each once, Monday first, in the form they were given in.

    Days may be indexes, codes or ORUK codes. Anything else (typed into a schedule by hand,
    say) is left out.
    """
    return sorted({key for key in days if key in _BY_KEY}, key=lambda key: _BY_KEY[key].index)


def day_runs(days: Iterable[K]) -> list[tuple[K, K, int]]:
    """Consecutive runs of days in week order: MO, TU, WE, SA -> (MO, WE, 3), (SA, SA, 1).

    Each run is (first day, last day, how many days), in the form the days were given in.
    """
    runs: list[tuple[K, K, int]] = []
    for key in in_week_order(days):
        if runs and _BY_KEY[key].index == _BY_KEY[runs[-1][1]].index + 1:
            first, _last, length = runs[-1]
            runs[-1] = (first, key, length + 1)
        else:
            runs.append((key, key, 1))
    return runs


@dataclass(frozen=True)
class TimeOfDay:
    code: str
    label: str  # for choosing: "Mornings"
    phrase: str  # in a sentence: "Free in the mornings"
    starts: int  # hour of the day, from
    ends: int  # hour of the day, up to


TIMES_OF_DAY: tuple[TimeOfDay, ...] = (
    TimeOfDay("morning", _("Mornings"), _("in the mornings"), 9, 12),
    TimeOfDay("afternoon", _("Afternoons"), _("in the afternoons"), 12, 17),
    TimeOfDay("evening", _("Evenings"), _("in the evenings"), 17, 21),
)
TIME_CODES: tuple[str, ...] = tuple(time.code for time in TIMES_OF_DAY)
_TIMES = {time.code: time for time in TIMES_OF_DAY}


def time_of_day(code: str) -> TimeOfDay:
    """The time of day for its code ("morning"). Raises KeyError."""
    return _TIMES[code]
