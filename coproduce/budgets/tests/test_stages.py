from datetime import date

from coproduce.budgets import stages
from coproduce.budgets.stages import Dates, Stage, date_problems, stage_on

DATES = Dates(
    date(2027, 3, 1), date(2027, 3, 31), date(2027, 4, 10), date(2027, 4, 30), date(2027, 5, 7)
)


def test_before_proposals_open_the_round_is_coming():
    """The day before proposals open, the round is only coming."""
    assert stage_on(date(2027, 2, 28), DATES) is Stage.COMING


def test_both_ends_of_the_proposal_days_take_proposals():
    """Proposals are taken on the first and on the last day."""
    assert stage_on(date(2027, 3, 1), DATES) is Stage.PROPOSING
    assert stage_on(date(2027, 3, 31), DATES) is Stage.PROPOSING


def test_between_proposals_and_voting_officers_check():
    """After proposals close and before voting opens, officers check."""
    assert stage_on(date(2027, 4, 9), DATES) is Stage.CHECKING


def test_voting_runs_to_the_end_of_its_last_day():
    """The last voting day still takes votes; the day after is for counting."""
    assert stage_on(date(2027, 4, 30), DATES) is Stage.VOTING
    assert stage_on(date(2027, 5, 1), DATES) is Stage.COUNTING


def test_a_decided_round_is_decided_whatever_the_day():
    """Once the result is worked out, that is the stage."""
    assert stage_on(date(2027, 3, 2), DATES, decided=True) is Stage.DECIDED


def test_dates_in_order_have_no_problems():
    """Well-ordered dates pass."""
    assert date_problems(DATES) == []


def test_voting_on_the_day_proposals_close_leaves_no_time_to_check():
    """Voting must open after the day proposals close."""
    dates = Dates(
        date(2027, 3, 1), date(2027, 3, 31), date(2027, 3, 31), date(2027, 4, 30), date(2027, 5, 7)
    )
    assert date_problems(dates) == [("voting_from", stages.VOTING_BEFORE_CHECKING)]
