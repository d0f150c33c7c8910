"""The sharing-out rules alone: no database, no Django.

The small elections here are worked out by hand in the docstrings and comments.
"""

import random
from fractions import Fraction
from pathlib import Path

import pytest

from coproduce.budgets import rules
from coproduce.budgets.pabulib import read
from coproduce.budgets.rules import (
    Proposal,
    Rule,
    UnsupportedRule,
    counting,
    reference,
    share_out,
    tie_order,
)

DATA = Path(__file__).parent / "data"
PURE = ["__init__.py", "counting.py", "reference.py", "shapes.py"]


def _count(proposals, ballots, budget, rule):
    return share_out(proposals=proposals, ballots=ballots, budget=budget, rule=rule)


def _ranked(proposals, ballots):
    votes = {p.id: 0 for p in proposals}
    for ballot in ballots:
        for item_id in ballot:
            votes[item_id] += 1
    order = sorted(
        range(len(proposals)), key=lambda i: tie_order(proposals[i], votes[proposals[i].id], i)
    )
    return [(proposals[i].id, proposals[i].cost) for i in order], votes


# The pool round: 10 voters, budget 100. Four want the pool (80), three the benches (20),
# three the trees (20).
POOL = [Proposal("pool", 80), Proposal("benches", 20), Proposal("trees", 20)]
POOL_BALLOTS = [{"pool"}] * 4 + [{"benches"}] * 3 + [{"trees"}] * 3


@pytest.mark.parametrize("name", PURE)
def test_rules_modules_do_not_import_django(name):
    """The rules stay plain Python, so they can be tested and benchmarked alone."""
    source = (Path(rules.__file__).parent / name).read_text()
    assert "import django" not in source and "from django" not in source


def test_greedy_skips_what_no_longer_fits_and_tries_the_next():
    """Playground (4 votes, 60) first; benches (3, 50) no longer fit in 40; trees (2, 40) do."""
    proposals = [Proposal("1", 60), Proposal("2", 50), Proposal("3", 40)]
    ballots = [{"1", "2"}] * 3 + [{"1"}, {"3"}, {"3"}]

    outcome = _count(proposals, ballots, 100, Rule.GREEDY)

    assert outcome.selected == ["1", "3"]
    assert outcome.spent == 100
    assert outcome.verdicts["2"].reason == rules.NOT_ENOUGH_LEFT
    assert outcome.verdicts["2"].detail["left_before"] == 40
    assert outcome.verdicts["3"].detail["left_before"] == 40


def test_greedy_gives_a_tie_in_votes_to_the_cheaper_proposal():
    """Two proposals with 3 votes each and room for one: the cheaper wins (as in Warsaw)."""
    proposals = [Proposal("1", 70), Proposal("2", 60)]
    ballots = [{"1", "2"}] * 3

    assert _count(proposals, ballots, 100, "greedy").selected == ["2"]


def test_greedy_gives_a_full_tie_to_the_lower_number():
    """Same votes, same cost: project 9 before project 10 (numbers compared as numbers)."""
    proposals = [Proposal("10", 50), Proposal("9", 50)]
    ballots = [{"10", "9"}]

    assert _count(proposals, ballots, 50, "greedy").selected == ["9"]


def test_greedy_never_funds_a_proposal_nobody_voted_for():
    """Money left over is not spent on a proposal with no votes."""
    proposals = [Proposal("a", 10), Proposal("b", 10)]

    outcome = _count(proposals, [{"a"}], 100, "greedy")

    assert outcome.selected == ["a"]
    assert outcome.verdicts["b"].reason == rules.NO_VOTES


def test_a_proposal_dearer_than_the_whole_budget_says_so():
    """The reason is that it costs more than the budget, not that too little was left."""
    outcome = _count([Proposal("a", 500)], [{"a"}], 100, "greedy")

    assert outcome.verdicts["a"].reason == rules.COSTS_MORE_THAN_BUDGET


def test_greedy_funds_the_narrow_big_proposal_first():
    """By votes alone the pool (4 votes, 80) wins and only the benches fit after it."""
    assert _count(POOL, POOL_BALLOTS, 100, "greedy").selected == ["pool", "benches"]


def test_equal_shares_prefers_broad_support_over_a_big_narrow_proposal():
    """Each voter has 10: the pool's 4 supporters hold 40 of its 80, so benches and trees win.

    Benches: 3 supporters pay 20/3 each; trees the same; tie broken by name. Then 60 is left
    but the pool costs 80, so nothing else fits and the completion stops.
    """
    outcome = _count(POOL, POOL_BALLOTS, 100, Rule.EQUAL_SHARES)

    assert outcome.selected == ["benches", "trees"]
    assert outcome.spent == 40
    assert outcome.share_per_voter == 10.0
    pool = outcome.verdicts["pool"]
    assert pool.reason == rules.TOO_FEW_SUPPORTERS_MONEY
    assert pool.detail["supporters_money"] == 40
    assert outcome.verdicts["benches"].detail["most_paid_by_one"] == 6.67


def test_equal_shares_gives_every_group_its_share():
    """Six voters like X (60) and Y (40), four like Z (40); budget 100, 10 each.

    Greedy funds Y and X (same votes; cheaper first). Equal shares: X and Y both cost their
    six 1/6 per unit; the tie goes to the cheaper Y (each pays 6.67, keeping 3.33). X then has
    20 behind it, too little; Z's four pay 10 each.
    """
    proposals = [Proposal("X", 60), Proposal("Y", 40), Proposal("Z", 40)]
    ballots = [{"X", "Y"}] * 6 + [{"Z"}] * 4

    assert _count(proposals, ballots, 100, "greedy").selected == ["Y", "X"]  # tie: cheaper
    outcome = _count(proposals, ballots, 100, "equalshares/add1")
    assert outcome.selected == ["Y", "Z"]
    assert outcome.verdicts["Z"].detail["most_paid_by_one"] == 10.0
    assert outcome.verdicts["X"].detail["supporters_money"] == 20


def test_add1_completion_raises_shares_until_the_budget_is_used():
    """5 voters, 100: at 20 each only A (60) is bought; at 30 each C's two can pay 40 too.

    A: voters 1, 2, 5 pay 20. C: voter 4 (s) and voter 5 (s - 20) reach 40 when s = 30.
    B: voter 2 (s - 20) and voter 3 (s) would need s = 35, but then A and C have used it all.
    """
    proposals = [Proposal("A", 60), Proposal("B", 50), Proposal("C", 40)]
    ballots = [{"A"}, {"A", "B"}, {"B"}, {"C"}, {"A", "C"}]
    items, votes = _ranked(proposals, ballots)
    frozen = [frozenset(b) for b in ballots]

    plain = reference.equal_shares_at(items, frozen, votes, Fraction(20))
    outcome = _count(proposals, ballots, 100, Rule.EQUAL_SHARES)

    assert plain == ["A"]
    assert outcome.selected == ["A", "C"]
    assert outcome.share_per_voter == 30.0
    assert outcome.verdicts["C"].detail["paid_all_they_had"] == 1


def test_add1_completion_keeps_the_last_count_that_fits():
    """Two voters, 10: at 5 each nobody can pay 6; at 6 each both 6s are bought (12 > 10).

    The completion keeps the count at 5, as pabutools and equalshares.net do: nothing.
    """
    proposals = [Proposal("x", 6), Proposal("y", 6)]

    outcome = _count(proposals, [{"x"}, {"y"}], 10, Rule.EQUAL_SHARES)

    assert outcome.selected == []
    assert outcome.share_per_voter == 5.0


def test_equal_shares_counts_voters_who_chose_nothing():
    """Three voters with empty ballots still dilute the share: 40 over 4 is 10, not 40."""
    outcome = _count([Proposal("a", 30)], [{"a"}, set(), set(), set()], 40, Rule.EQUAL_SHARES)

    # share 10 < 30; raising one at a time, the single supporter reaches 30 at share 30
    # (spent 30 <= 40, and nothing else is left to buy).
    assert outcome.selected == ["a"]
    assert outcome.share_per_voter == 30.0


def test_a_free_proposal_somebody_voted_for_is_always_funded():
    """It costs nothing, so it goes first under both rules."""
    proposals = [Proposal("a", 50), Proposal("free", 0)]
    for rule in Rule:
        assert _count(proposals, [{"a", "free"}], 50, rule).selected == ["free", "a"]


def test_no_ballots_fund_nothing():
    """With no voters there is nothing to count, and no error."""
    for rule in Rule:
        outcome = _count([Proposal("a", 5)], [], 10, rule)
        assert outcome.selected == []
        assert outcome.verdicts["a"].reason == rules.NO_VOTES


def test_an_unknown_rule_names_the_supported_ones():
    """The message names the rule asked for and the rules we have."""
    with pytest.raises(UnsupportedRule) as caught:
        _count([Proposal("a", 5)], [{"a"}], 10, "phragmen")

    assert "phragmen" in str(caught.value)
    assert "greedy" in str(caught.value) and "equalshares/add1" in str(caught.value)


def test_a_ballot_naming_an_unknown_proposal_is_refused():
    """A ballot may only name proposals in the round."""
    with pytest.raises(ValueError, match="'b', which is not a proposal"):
        _count([Proposal("a", 5)], [{"a", "b"}], 10, "greedy")


def test_a_proposal_listed_twice_is_refused():
    """Ids must be unique."""
    with pytest.raises(ValueError, match="listed twice"):
        _count([Proposal("a", 5), Proposal("a", 6)], [], 10, "greedy")


@pytest.mark.parametrize("cost", [-1, 2.5])
def test_a_cost_must_be_a_whole_number_of_zero_or_more(cost):
    """Money is counted in whole units."""
    with pytest.raises(ValueError):
        _count([Proposal("a", cost)], [], 10, "greedy")


def test_every_proposal_gets_a_verdict_and_spending_stays_within_budget():
    """Whatever the rule, each proposal is explained and the budget is never overspent."""
    rng = random.Random(5)
    proposals = [Proposal(str(n), rng.randint(1, 40)) for n in range(12)]
    ballots = [{p.id for p in proposals if rng.random() < 0.3} for _ in range(30)]
    for rule in Rule:
        outcome = _count(proposals, ballots, 120, rule)
        assert set(outcome.verdicts) == {p.id for p in proposals}
        assert outcome.spent == sum(p.cost for p in proposals if p.id in outcome.selected)
        assert outcome.spent <= 120
        assert all(outcome.verdicts[i].selected for i in outcome.selected)


def _random_election(rng):
    many = rng.random() < 0.2
    proposals = [
        Proposal(str(n), rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]))
        for n in range(rng.randint(1, 20 if many else 8))
    ]
    ballots = [
        frozenset(p.id for p in proposals if rng.random() < rng.choice([0.2, 0.4, 0.6]))
        for _ in range(rng.randint(1, 120 if many else 12))
    ]
    budget = rng.randint(0, sum(p.cost for p in proposals) + 5)
    return proposals, ballots, budget


def test_fast_counting_agrees_with_pabutools_on_random_rounds():
    """Small costs and few voters make many exact ties: our counting must break them alike."""
    rng = random.Random(14)
    for _ in range(150):
        proposals, ballots, budget = _random_election(rng)
        items, votes = _ranked(proposals, ballots)
        assert counting.greedy(items, ballots, votes, budget) == reference.greedy(
            items, ballots, votes, budget
        )
        ours = counting.equal_shares_add1(items, ballots, votes, budget)
        theirs = reference.equal_shares_add1(items, ballots, votes, budget)
        assert (ours.selected, ours.share) == (theirs.selected, theirs.share)


def test_the_verdicts_money_matches_the_exact_replay():
    """What supporters paid and had left, from the fast count, matches exact fractions."""
    rng = random.Random(3)
    for _ in range(20):
        proposals, ballots, budget = _random_election(rng)
        items, votes = _ranked(proposals, ballots)
        ours = counting.equal_shares_add1(items, ballots, votes, budget)
        exact = reference.equal_shares_add1(items, ballots, votes, budget)
        for item_id, payment in exact.payments.items():
            assert float(ours.payments[item_id].most) == pytest.approx(float(payment.most))
        for item_id, money in exact.money_left.items():
            assert float(ours.money_left[item_id]) == pytest.approx(float(money), abs=1e-6)


def test_assen_2024_is_counted_as_the_city_did():
    """A real election (Pabulib), decided by equal shares with add1: the same nine projects."""
    election = read(DATA / "Netherlands_Assen_2024.pb")

    outcome = _count(
        [Proposal(p.id, p.cost) for p in election.projects],
        [vote.approved for vote in election.votes],
        election.budget,
        election.rule,
    )

    assert set(outcome.selected) == set(election.official)
    assert outcome.selected == ["3", "9", "2", "11", "13", "14", "5", "6", "12"]


def test_striding_over_shares_gives_the_same_result_as_one_unit_at_a_time(monkeypatch):
    """Few voters and a large budget: the stride (proven by equal traces) changes nothing."""
    rng = random.Random(8)
    for _ in range(12):
        proposals = [Proposal(str(n), rng.randint(2_000, 30_000)) for n in range(10)]
        ballots = [frozenset(p.id for p in proposals if rng.random() < 0.3) for _ in range(25)]
        items, votes = _ranked(proposals, ballots)
        strided = counting.equal_shares_add1(items, ballots, votes, 100_000)
        monkeypatch.setattr(counting, "TRACE_VOTERS", 0)
        unit = counting.equal_shares_add1(items, ballots, votes, 100_000)
        monkeypatch.undo()
        assert (strided.selected, strided.share) == (unit.selected, unit.share)


def test_fast_counting_agrees_with_pabutools_when_shares_rise_many_units():
    """Costs in the hundreds for a handful of voters: add1 runs hundreds of counts."""
    rng = random.Random(21)
    for _ in range(15):
        proposals = [Proposal(str(n), rng.randint(1, 30) * 50) for n in range(rng.randint(2, 7))]
        ballots = [
            frozenset(p.id for p in proposals if rng.random() < 0.4)
            for _ in range(rng.randint(2, 9))
        ]
        budget = rng.randint(0, sum(p.cost for p in proposals))
        items, votes = _ranked(proposals, ballots)
        ours = counting.equal_shares_add1(items, ballots, votes, budget)
        theirs = reference.equal_shares_add1(items, ballots, votes, budget)
        assert (ours.selected, ours.share) == (theirs.selected, theirs.share)
