"""The counting of choices made at meetings (gatherings/tally.py): no database."""

import pytest

from coproduce.gatherings import tally


def test_dots_from_phones_and_room_add_up():
    """An option's total is its dots from phones plus its dots from the room."""
    result = tally.count_dots([1, 2, 3], [{1: 2, 2: 1}, {2: 3}], room={1: 4, 3: 1})
    totals = {line.option: (line.phones, line.room, line.total) for line in result.lines}
    assert totals == {1: (2, 4, 6), 2: (4, 0, 4), 3: (0, 1, 1)}


def test_dots_lines_come_best_first():
    """The line with the most dots comes first."""
    result = tally.count_dots([1, 2, 3], [{3: 2}, {2: 1}])
    assert [line.option for line in result.lines] == [3, 2, 1]


def test_dots_count_backers_once_per_ballot():
    """Backers are the people who gave an option any dots, not the dots."""
    result = tally.count_dots([1, 2], [{1: 3}, {1: 1, 2: 1}])
    assert {line.option: line.backers for line in result.lines} == {1: 2, 2: 1}


def test_the_top_seats_are_chosen():
    """With two seats, the two options with most points are chosen."""
    result = tally.count_dots([1, 2, 3], [{1: 3}, {2: 2}, {3: 1}], seats=2)
    assert result.chosen == [1, 2]
    assert not result.tied


def test_a_tie_for_the_last_seat_chooses_all_tied():
    """Options tied for the last seat are all chosen, and the result says it was a tie."""
    result = tally.count_dots([1, 2, 3], [{1: 3}, {2: 1}, {3: 1}], seats=2)
    assert sorted(result.chosen) == [1, 2, 3]
    assert result.tied


def test_nothing_is_chosen_without_votes():
    """No votes, no choice."""
    result = tally.count_dots([1, 2], [])
    assert result.chosen == []
    assert result.ballots == 0


def test_borda_counts_phones_and_room_places():
    """Room counts per place add points the same way as phone rankings."""
    result = tally.count_ranking(
        [10, 20, 30],
        [[10, 20, 30], [20, 10]],
        room={30: [2, 0, 0], 10: [0, 1, 1]},
    )
    totals = {line.option: line.total for line in result.lines}
    # 10: phones 3 + 2, room 2 + 1; 20: phones 2 + 3; 30: phones 1, room 2 * 3.
    assert totals == {10: 8, 20: 5, 30: 7}
    assert result.chosen == [10]


def test_borda_records_how_many_put_each_option_in_each_place():
    """The places list counts phones and room together, first place first."""
    result = tally.count_ranking([1, 2], [[1, 2], [1]], room={2: [1, 0]})
    places = {line.option: line.places for line in result.lines}
    assert places == {1: [2, 0], 2: [1, 1]}


def test_room_counts_with_too_many_places_are_refused():
    """A room count for more places than there are options is an error."""
    with pytest.raises(tally.BallotError):
        tally.count_ranking([1, 2], [], room={1: [1, 1, 1]})


def test_check_dots_drops_zeros():
    """Options given no dots are left out of the ballot."""
    assert tally.check_dots({1: 2, 2: 0}, options=[1, 2], dots=3, most_on_one=2) == {1: 2}


@pytest.mark.parametrize(
    ("spread", "code"),
    [
        ({}, tally.NO_DOTS),
        ({1: 0}, tally.NO_DOTS),
        ({1: -1}, tally.NO_DOTS),
        ({1: 3}, tally.TOO_MANY_ON_ONE),
        ({1: 2, 2: 2}, tally.TOO_MANY_DOTS),
        ({9: 1}, tally.NOT_AN_OPTION),
    ],
)
def test_check_dots_refuses_what_the_rules_do_not_allow(spread, code):
    """No dots, too many on one, too many in all, or an unknown option are refused."""
    with pytest.raises(tally.BallotError) as raised:
        tally.check_dots(spread, options=[1, 2], dots=3, most_on_one=2)
    assert raised.value.code == code


def test_check_ranking_orders_by_place():
    """A ranking comes back as options in order, first place first."""
    assert tally.check_ranking({5: 2, 7: 1}, options=[5, 7, 9]) == [7, 5]


@pytest.mark.parametrize(
    ("places", "code"),
    [
        ({}, tally.NOTHING_RANKED),
        ({1: 1, 2: 1}, tally.PLACE_TWICE),
        ({1: 1, 2: 3}, tally.PLACES_NOT_IN_ORDER),
        ({1: 2}, tally.PLACES_NOT_IN_ORDER),
        ({4: 1}, tally.NOT_AN_OPTION),
    ],
)
def test_check_ranking_refuses_what_the_rules_do_not_allow(places, code):
    """Nothing ranked, a place twice, gaps, or an unknown option are refused."""
    with pytest.raises(tally.BallotError) as raised:
        tally.check_ranking(places, options=[1, 2, 3])
    assert raised.value.code == code
