from coproduce.budgets import ballot_rules
from coproduce.budgets.ballot_rules import Problem, problems

COSTS = {"a": 4000, "b": 5000, "c": 3400, "d": 100, "e": 100, "f": 100}


def test_choosing_nothing_is_a_problem():
    """An empty ballot is refused."""
    assert problems([], costs=COSTS, kind="approval", budget=10_000) == [
        Problem(ballot_rules.NOTHING_CHOSEN)
    ]


def test_too_many_on_an_approval_ballot_says_how_many():
    """Choosing six where five are allowed names both numbers."""
    found = problems("abcdef", costs=COSTS, kind="approval", budget=10_000, most=5)
    assert found == [Problem(ballot_rules.TOO_MANY, chosen=6, allowed=5)]


def test_approval_without_a_limit_takes_any_number():
    """No limit: every proposal may be chosen."""
    assert problems("abcdef", costs=COSTS, kind="approval", budget=10_000) == []


def test_filling_past_the_budget_says_the_total_and_the_budget():
    """Costs adding up to more than the budget are refused, with both sums."""
    found = problems("abc", costs=COSTS, kind="fill_budget", budget=10_000)
    assert found == [Problem(ballot_rules.OVER_BUDGET, chosen=12_400, allowed=10_000)]


def test_filling_exactly_the_budget_is_allowed():
    """A total equal to the budget fits."""
    assert problems("ab", costs=COSTS, kind="fill_budget", budget=9000) == []


def test_a_proposal_not_on_the_ballot_is_a_problem():
    """Ids outside the ballot are refused."""
    found = problems(["a", "zz"], costs=COSTS, kind="approval", budget=10_000)
    assert found == [Problem(ballot_rules.NOT_ON_BALLOT, chosen=1)]
