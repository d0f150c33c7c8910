"""The barrier matcher alone: pure Python, so these tests need no database."""

import ast
from pathlib import Path

import pytest

from coproduce.gatherings import barrier_match
from coproduce.gatherings.barrier_match import Entry, ideas, rank, similarity


def test_ideas_reduce_words_to_what_they_mean():
    """The words "No cheap rooms to hire" name cost and space."""
    assert ideas("No cheap rooms to hire") == {"cost", "space"}


def test_ideas_ignore_case_punctuation_and_empty_words():
    """Capitals, commas and words that only say a barrier exists make no difference."""
    shouted, plain = ideas("STAFF, overstretched!"), ideas("Our staff are too overstretched")
    assert shouted == plain == {"staff", "capacity"}


def test_ideas_of_only_empty_words_are_none():
    """A text of filler words names no idea."""
    assert ideas("There is a lack of it, really") == frozenset()


def test_ideas_stem_words_the_list_does_not_know():
    """Unknown words are stemmed, so a plural and its singular are the same idea."""
    assert ideas("Councillors") == ideas("councillor") == {"councillor"}


def test_ideas_stem_before_looking_up_synonyms():
    """The word "funders" is not listed, but its stem "fund" is money."""
    assert ideas("Funders") == {"money"}


def test_red_tape_is_rules():
    """The words "red tape" mean the rules."""
    assert ideas("Red tape") == ideas("Too much bureaucracy") == {"rules"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Lack of affordable space", "No cheap rooms to hire"),
        ("Lack of affordable space", "Venues cost too much"),
        ("Staff overstretched", "Officers are too busy"),
        ("Fear of change", "People are scared of doing things differently"),
    ],
)
def test_the_same_barrier_in_other_words_has_the_same_ideas(one, other):
    """Wordings the issue gives for one barrier come out identical."""
    assert similarity(ideas(one), ideas(other)) == 1.0


def test_similarity_is_the_overlap_of_ideas():
    """Jaccard: shared ideas over all ideas named."""
    assert similarity(frozenset({"cost", "space"}), frozenset({"space", "money"})) == 1 / 3
    assert similarity(frozenset({"cost"}), frozenset({"cost"})) == 1.0
    assert similarity(frozenset({"cost"}), frozenset({"fear"})) == 0.0


def test_similarity_of_nothing_is_zero():
    """An empty text matches nothing, not even another empty text."""
    assert similarity(frozenset(), frozenset()) == 0.0
    assert similarity(frozenset(), frozenset({"cost"})) == 0.0


def test_thresholds_link_only_above_suggesting():
    """Linking without asking needs a stronger match than suggesting."""
    assert 0 < barrier_match.SUGGEST_AT < barrier_match.LINK_AT <= 1


def test_rank_orders_entries_best_first_with_the_closest_text():
    """Each entry is scored by its closest known text; the best entries come first."""
    entries = [
        Entry(1, ["Fear of change"]),
        Entry(2, ["No funding for cheap rooms"]),
        Entry(3, ["Lack of affordable space", "Halls cost a fortune"]),
    ]
    matches = rank("Rooms are too expensive", entries)
    assert [(m.key, m.score, m.closest) for m in matches] == [
        (3, 1.0, "Lack of affordable space"),
        (2, 0.667, "No funding for cheap rooms"),
    ]


def test_rank_leaves_out_entries_below_the_threshold():
    """A match of a third is below the suggestion threshold; a half is above it."""
    entries = [Entry(1, ["No funding for rooms"]), Entry(2, ["Not enough volunteers"])]
    assert rank("Rooms are too expensive", entries) == []
    [match] = rank("Hard to find volunteers", entries)
    assert (match.key, match.score) == (2, 0.5)


def test_rank_with_a_higher_threshold_keeps_only_clear_matches():
    """At the linking threshold a half match is not enough."""
    entries = [Entry(1, ["Not enough volunteers"]), Entry(2, ["Lack of affordable space"])]
    assert [m.key for m in rank("No cheap rooms to hire", entries, at_least=0.75)] == [2]
    assert rank("Hard to find volunteers", entries, at_least=barrier_match.LINK_AT) == []


def test_rank_breaks_ties_by_key():
    """Entries matching equally well come in key order, so results are stable."""
    entries = [Entry(9, ["Venues too expensive"]), Entry(4, ["Rooms cost too much"])]
    assert [m.key for m in rank("No cheap rooms to hire", entries)] == [4, 9]


def test_rank_of_an_empty_library_is_empty():
    """With no entries there is nothing to match."""
    assert rank("Fear of change", []) == []


def test_matcher_imports_no_django():
    """The module stays pure Python, so it can be tested and benchmarked alone."""
    tree = ast.parse(Path(barrier_match.__file__).read_text())
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
    }
    assert "django" not in imported
    assert "coproduce" not in imported
