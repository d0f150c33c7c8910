from coproduce.common.charts import LABEL_WIDTH, bar_chart, written
from coproduce.common.templatetags.charts import bar_chart as bar_chart_tag


def test_the_longest_bar_is_the_one_with_the_largest_value():
    """Bars are in proportion to their values; the largest fills the room."""
    layout = bar_chart([("A", 100, True), ("B", 50, False)], width=720)
    assert layout.bars[0].width == 2 * layout.bars[1].width
    assert layout.bars[0].value_x > layout.bars[1].value_x > LABEL_WIDTH


def test_all_zero_draws_empty_bars():
    """With every value zero, there is no division by zero."""
    layout = bar_chart([("A", 0)])
    assert layout.bars[0].width == 0
    assert layout.bars[0].highlighted is False


def test_long_labels_are_shortened():
    """A long label is cut with an ellipsis so it fits beside its bar."""
    layout = bar_chart([("A very long title for a proposal about the park and more", 3, True)])
    assert layout.bars[0].label.endswith("…")


def test_values_are_written_plainly():
    """Whole numbers have no point; others have one place; a unit follows."""
    assert written(1200) == "1,200"
    assert written(2.25) == "2.2"
    assert written(40, "%") == "40%"


def test_the_tag_escapes_labels_and_names_the_image():
    """A label with markup is shown as text, never run; highlighted bars are green."""
    svg = bar_chart_tag("Votes <b>", [("<script>x</script>", 3, True), ("B", 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img" aria-label="Votes &lt;b&gt;"' in svg
    assert svg.count('fill="#00703c"') == 1 and svg.count('fill="#1d70b8"') == 1


def test_a_narrow_chart_gives_labels_less_room():
    """A half-width chart keeps bars visible by shortening labels, not shrinking the text."""
    wide = bar_chart([("Somewhere to sit in the shade near the pond", 3)], width=720)
    narrow = bar_chart([("Somewhere to sit in the shade near the pond", 3)], width=460)
    assert narrow.label_width < wide.label_width
    assert len(narrow.bars[0].label) < len(wide.bars[0].label)
    assert narrow.bars[0].width > 0
