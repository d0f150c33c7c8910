from coproduce.matching.ranking import NeedSpec, candidate, rank_people

NEED = NeedSpec(
    skill_ids=frozenset({1, 2, 3}),
    skill_names={1: "cooking", 2: "food hygiene", 3: "first aid"},
    days=frozenset({"sat"}),
    times=frozenset({"morning"}),
    ward_id=10,
    neighbour_ward_ids=frozenset({11}),
)


def _person(
    pid, skills=(1,), days=("sat",), times=("morning",), ward=10, travel="borough", hours=None
):
    return candidate(
        pid, frozenset(skills), frozenset(days) if days else None,
        frozenset(times) if times else None, ward, travel, hours,
    )  # fmt: skip


def test_more_skills_rank_higher_with_reason():
    """Someone with two of three skills ranks above someone with one, and says which."""
    result = rank_people(NEED, [_person(1, skills=(1,)), _person(2, skills=(1, 2))])
    assert [m.person_id for m in result.matches] == [2, 1]
    assert "Has 2 of the 3 skills: cooking, food hygiene" in result.matches[0].reasons


def test_reasons_in_plain_english():
    """Days, ward and hours each give a plain reason."""
    match = rank_people(NEED, [_person(1, skills=(1, 2, 3), hours=12)]).matches[0]
    assert match.reasons == [
        "Has all 3 skills: cooking, first aid, food hygiene",
        "Free on Saturdays",
        "Free in the mornings",
        "Lives in this ward",
        "Could give about 12 hours a month",
    ]


def test_known_days_without_overlap_exclude():
    """Someone who is known not to be free on the day is left out."""
    result = rank_people(NEED, [_person(1, days=("mon",))])
    assert result.matches == []
    assert result.available == 0


def test_unknown_availability_ranks_lower_and_is_not_revealed():
    """Hidden availability gives no points and no reason about days or travel."""
    hidden = candidate(1, frozenset({1}), None, None, 12, None, None)
    result = rank_people(NEED, [hidden, _person(2)])
    assert [m.person_id for m in result.matches] == [2, 1]
    reasons = result.matches[1].reasons
    assert "Has not shared with you which days they are free" in reasons
    assert not any("Free" in r or "travel" in r for r in reasons)


def test_travel_limits_and_neighbours():
    """Ward-only people elsewhere are left out; neighbours and borough travellers stay."""
    result = rank_people(
        NEED,
        [
            _person(1, ward=12, travel="ward"),
            _person(2, ward=11, travel="nearby"),
            _person(3, ward=12, travel="borough"),
            _person(4, ward=12, travel="online"),
        ],
    )
    assert [m.person_id for m in result.matches] == [2, 3]
    assert "Lives in a neighbouring ward" in result.matches[0].reasons
    assert "Can travel anywhere in the borough" in result.matches[1].reasons


def test_online_only_people_when_online_is_fine():
    """Online-only people are listed when the need can be done online."""
    need = NeedSpec(skill_ids=frozenset({1}), ward_id=10, online_ok=True)
    match = rank_people(need, [_person(4, ward=12, travel="online")]).matches[0]
    assert "Can help online" in match.reasons


def test_limit_and_ties_keep_input_order():
    """Equal scores keep the order the rows came in; the limit is respected."""
    rows = [_person(i) for i in range(1, 101)]
    result = rank_people(NEED, rows, limit=5)
    assert [m.person_id for m in result.matches] == [1, 2, 3, 4, 5]
    assert result.available == 100


def test_translate_is_applied():
    """Reasons go through the translate function given."""
    match = rank_people(NEED, [_person(1)], translate=lambda text: f"«{text}»").matches[0]
    assert match.reasons[0] == "«Has 1 of the 3 skills: cooking»"
