from coproduce.budgets.chart import LABEL_WIDTH, bar_chart


def test_the_longest_bar_is_the_one_with_most_votes():
    """Bars are in proportion to votes; the most votes fills the room."""
    layout = bar_chart([("A", 100, True), ("B", 50, False)], width=720)
    assert layout.bars[0].width == 2 * layout.bars[1].width
    assert layout.bars[0].value_x > layout.bars[1].value_x > LABEL_WIDTH


def test_no_votes_at_all_draws_empty_bars():
    """With every count zero, there is no division by zero."""
    layout = bar_chart([("A", 0, False)])
    assert layout.bars[0].width == 0


def test_long_titles_are_shortened():
    """A long title is cut with an ellipsis so it fits beside its bar."""
    layout = bar_chart([("A very long title for a proposal about the park and more", 3, True)])
    assert layout.bars[0].label.endswith("…")


def test_the_svg_tag_escapes_titles():
    """A title with markup is shown as text, never run."""
    from coproduce.budgets.templatetags.budgets_chart import votes_chart

    svg = votes_chart(bar_chart([("<script>x</script>", 3, True)]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
