from coproduce.budgets.wording import amount, explain


def test_amounts_in_each_unit():
    """Pounds with a sign and commas; hours with their unit, singular for one."""
    assert amount(12_400, "pounds") == "£12,400"
    assert amount(683.67, "pounds") == "£683.67"
    assert amount(40, "officer_hours") == "40 officer hours"
    assert amount(1, "room_hours") == "1 room hour"


def test_a_greedy_winner_is_explained():
    """The winner's sentence names the votes and the cost."""
    words = explain(selected=True, reason="won", votes=212, detail={"cost": 3000}, unit="pounds")
    assert words == (
        "Chosen: 212 people voted for it and it cost £3,000, which fitted in what was left."
    )


def test_a_greedy_loser_is_told_what_was_left():
    """The loser's sentence names what was left and its cost."""
    words = explain(
        selected=False,
        reason="not_enough_left",
        votes=90,
        detail={"cost": 4000, "left_before": 1200},
        unit="pounds",
    )
    assert words == "Not chosen: when its turn came only £1,200 was left and it costs £4,000."


def test_an_equal_shares_loser_is_told_what_its_supporters_had():
    """The sentence names the supporters' money at the end and the cost."""
    words = explain(
        selected=False,
        reason="too_few_supporters_money",
        votes=6,
        detail={"cost": 2000, "share": 683.67, "supporters_money": 1427},
        unit="pounds",
    )
    assert "their shares came to only £1,427 together, and it costs £2,000" in words


def test_one_vote_is_one_person():
    """Singular for one voter."""
    words = explain(selected=True, reason="won", votes=1, detail={"cost": 10}, unit="room_hours")
    assert words.startswith("Chosen: 1 person voted for it and it cost 10 room hours")


def test_nobody_voting_is_said_plainly():
    """No votes: said so."""
    assert explain(selected=False, reason="no_votes", votes=0, detail={}, unit="pounds") == (
        "Not chosen: nobody voted for it."
    )
