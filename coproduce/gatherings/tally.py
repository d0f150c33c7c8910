"""Counting a choice made at a meeting: dot voting and ranking (Borda count). No Django.

Options are known by whole-number ids. Two sources are added together:

- ballots sent from phones: for dot voting, a mapping {option: dots}; for ranking, the options
  in the order the person put them (first place first), leaving out any they did not rank;
- counts from the room, typed in by the organiser from the wall or from paper: for dot
  voting, the dots each option got; for ranking, for each option, how many people put it in
  first place, second place and so on.

Ranking is counted by the Borda count, because it can be worked out from counts per place
and so the room's paper ballots can be added to the phones' ones: with N options, a first
place is worth N points, a second place N - 1, down to 1 point for last place; an option a
person left out gets nothing from them.

The options chosen are the `seats` with the most points. When options tie for the last seat,
all of them are chosen and `tied` says so: a meeting should see a tie, not have it broken by
the order options happened to be typed in.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coproduce.common.ranking import borda_points

# What can be wrong with a ballot, as codes; the service words them for the person.
NO_DOTS = "no_dots"
TOO_MANY_DOTS = "too_many_dots"
TOO_MANY_ON_ONE = "too_many_on_one"
NOT_AN_OPTION = "not_an_option"
NOTHING_RANKED = "nothing_ranked"
PLACE_TWICE = "place_twice"
PLACES_NOT_IN_ORDER = "places_not_in_order"
OPTION_TWICE = "option_twice"
ROOM_RANKS_TOO_LONG = "room_ranks_too_long"


class BallotError(ValueError):
    """A ballot the rules do not allow. `code` is one of the codes above."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_dots(
    spread: Mapping[int, int], *, options: Iterable[int], dots: int, most_on_one: int
) -> dict[int, int]:
    """The dots a person spread, without the options given none; BallotError if not allowed.

    At least one dot, at most `dots` in all and at most `most_on_one` on any option, and only
    on the choice's own options.
    """
    known = set(options)
    kept = {option: count for option, count in spread.items() if count}
    if any(option not in known for option in kept):
        raise BallotError(NOT_AN_OPTION)
    if any(count < 0 for count in kept.values()) or not kept:
        raise BallotError(NO_DOTS)
    if any(count > most_on_one for count in kept.values()):
        raise BallotError(TOO_MANY_ON_ONE)
    if sum(kept.values()) > dots:
        raise BallotError(TOO_MANY_DOTS)
    return kept


def check_ranking(places: Mapping[int, int], *, options: Iterable[int]) -> list[int]:
    """The options in the order a person ranked them, from {option: place} with places
    1, 2, 3... (no gaps, none twice); options left out are not ranked. BallotError if not."""
    known = set(options)
    if any(option not in known for option in places):
        raise BallotError(NOT_AN_OPTION)
    if not places:
        raise BallotError(NOTHING_RANKED)
    given = sorted(places.values())
    if len(set(given)) != len(given):
        raise BallotError(PLACE_TWICE)
    if given != list(range(1, len(given) + 1)):
        raise BallotError(PLACES_NOT_IN_ORDER)
    return [option for option, _ in sorted(places.items(), key=lambda pair: pair[1])]


@dataclass
class Line:
    """One option's count: points from phones and from the room, and how many people backed
    it (gave it a dot, or ranked it) on their phone."""

    option: int
    phones: int = 0
    room: int = 0
    backers: int = 0
    # For ranking: how many phones and room voters put it in each place (index 0 is first).
    places: list[int] = field(default_factory=list)
    chosen: bool = False

    @property
    def total(self) -> int:
        return self.phones + self.room


@dataclass
class Result:
    """The count of a whole choice, best first."""

    lines: list[Line]
    ballots: int
    tied: bool = False

    @property
    def chosen(self) -> list[int]:
        return [line.option for line in self.lines if line.chosen]


def count_dots(
    options: Sequence[int],
    ballots: Iterable[Mapping[int, int]],
    *,
    room: Mapping[int, int] | None = None,
    seats: int = 1,
) -> Result:
    """Dots from phones and the room, added up per option."""
    lines = {option: Line(option) for option in options}
    n = 0
    for ballot in ballots:
        n += 1
        for option, dots in ballot.items():
            if option in lines and dots > 0:
                lines[option].phones += dots
                lines[option].backers += 1
    for option, dots in (room or {}).items():
        if option in lines:
            lines[option].room += max(dots, 0)
    return _decide(list(lines.values()), options, n, seats)


def count_ranking(
    options: Sequence[int],
    ballots: Iterable[Sequence[int]],
    *,
    room: Mapping[int, Sequence[int]] | None = None,
    seats: int = 1,
) -> Result:
    """Borda points from phones and the room. `room[option][k]` is how many people in the
    room put the option in place k + 1."""
    size = len(options)
    lines = {option: Line(option, places=[0] * size) for option in options}
    n = 0
    for ranking in ballots:
        n += 1
        for index, option in enumerate(ranking):
            if option in lines and index < size:
                line = lines[option]
                line.phones += borda_points(index + 1, size)
                line.backers += 1
                line.places[index] += 1
    for option, counts in (room or {}).items():
        if option not in lines:
            continue
        if len(counts) > size:
            raise BallotError(ROOM_RANKS_TOO_LONG)
        for index, people in enumerate(counts):
            people = max(people, 0)
            lines[option].room += people * borda_points(index + 1, size)
            lines[option].places[index] += people
    return _decide(list(lines.values()), options, n, seats)


def _decide(lines: list[Line], options: Sequence[int], ballots: int, seats: int) -> Result:
    order = {option: index for index, option in enumerate(options)}
    lines.sort(key=lambda line: (-line.total, order[line.option]))
    tied = False
    if lines and seats > 0 and any(line.total for line in lines):
        cut = lines[min(seats, len(lines)) - 1].total
        for line in lines:
            line.chosen = line.total >= cut and line.total > 0
        chosen = sum(line.chosen for line in lines)
        tied = chosen > seats
    return Result(lines=lines, ballots=ballots, tied=tied)
