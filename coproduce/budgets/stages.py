"""The stages a round goes through, worked out from its published dates. Pure: no Django.

A round takes proposals from `proposals_from` to `proposals_until` (both days included),
then officers check them until the day before `voting_from`, then people vote until
`voting_until` (included). After that the votes wait to be counted, until an officer works
out the result. Before `proposals_from` the round is "coming".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Stage(StrEnum):
    COMING = "coming"
    PROPOSING = "proposing"
    CHECKING = "checking"
    VOTING = "voting"
    COUNTING = "counting"
    DECIDED = "decided"


@dataclass(frozen=True)
class Dates:
    proposals_from: date
    proposals_until: date
    voting_from: date
    voting_until: date
    result_by: date


def stage_on(day: date, dates: Dates, *, decided: bool = False) -> Stage:
    """The stage of a round with these dates on `day` (a day in the council's time zone)."""
    if decided:
        return Stage.DECIDED
    if day < dates.proposals_from:
        return Stage.COMING
    if day <= dates.proposals_until:
        return Stage.PROPOSING
    if day < dates.voting_from:
        return Stage.CHECKING
    if day <= dates.voting_until:
        return Stage.VOTING
    return Stage.COUNTING


# Problems with a set of dates: (field, code). The web app words them.
PROPOSALS_END_BEFORE_START = "proposals_end_before_start"
VOTING_BEFORE_CHECKING = "voting_before_checking"
VOTING_ENDS_BEFORE_START = "voting_ends_before_start"
RESULT_BEFORE_VOTING_ENDS = "result_before_voting_ends"


def date_problems(dates: Dates) -> list[tuple[str, str]]:
    """What is wrong with the order of these dates, as (field, code) pairs; [] when none.

    Officers need at least one day to check proposals, so voting starts after the day
    proposals close."""
    problems = []
    if dates.proposals_until < dates.proposals_from:
        problems.append(("proposals_until", PROPOSALS_END_BEFORE_START))
    if dates.voting_from <= dates.proposals_until:
        problems.append(("voting_from", VOTING_BEFORE_CHECKING))
    if dates.voting_until < dates.voting_from:
        problems.append(("voting_until", VOTING_ENDS_BEFORE_START))
    if dates.result_by < dates.voting_until:
        problems.append(("result_by", RESULT_BEFORE_VOTING_ENDS))
    return problems
