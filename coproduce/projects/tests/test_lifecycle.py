import pytest

from coproduce.projects.lifecycle import TransitionError, check


@pytest.mark.parametrize(
    ("current", "new"),
    [
        ("forming", "active"),
        ("active", "paused"),
        ("paused", "active"),
        ("active", "completed"),
        ("completed", "archived"),
        ("archived", "idea"),
    ],
)
def test_allowed_moves(current, new):
    """The life cycle allows these moves."""
    check(current, new, has_owner=True)


@pytest.mark.parametrize(
    ("current", "new"), [("idea", "active"), ("completed", "active"), ("archived", "active")]
)
def test_other_moves_are_refused_with_what_is_allowed(current, new):
    """A move the cycle does not allow says what is allowed instead."""
    with pytest.raises(TransitionError, match="can become"):
        check(current, new, has_owner=True)


def test_an_idea_needs_an_owner_to_start_forming():
    """Nobody owns it, so it cannot become a project."""
    with pytest.raises(TransitionError, match="takes ownership"):
        check("idea", "forming", has_owner=False)
