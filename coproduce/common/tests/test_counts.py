from django.template import Context, Template

from coproduce.common.counts import is_suppressed, public_count


def test_one_to_four_are_suppressed():
    """1 to 4 people are too few to show; 0 and 5 are shown."""
    assert [is_suppressed(n) for n in range(7)] == [False, True, True, True, True, False, False]


def test_public_count_words():
    """A small count reads as the phrase given; others as a number with commas."""
    assert public_count(3) == "fewer than 5"
    assert public_count(3, fewer_than="under five") == "under five"
    assert public_count(12345) == "12,345"
    assert public_count(0) == "0"


def test_template_filter():
    """The filter shows "fewer than 5" in a page."""
    html = Template("{% load counts %}{{ a|public_count }}/{{ b|public_count }}").render(
        Context({"a": 2, "b": 7})
    )
    assert html == "fewer than 5/7"
