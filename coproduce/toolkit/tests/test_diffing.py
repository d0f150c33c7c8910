from coproduce.toolkit import diffing


def test_unchanged_text_has_no_changed_rows():
    """Comparing a text with itself finds nothing."""
    rows = diffing.compare("a\nb", "a\nb")
    assert diffing.changed(rows) == 0 and [r.kind for r in rows] == ["same", "same"]


def test_a_changed_line_marks_the_words_taken_out_and_put_in():
    """Within a changed line, only the differing words are marked."""
    (row,) = diffing.compare("Sit in a ring.", "Sit in a big ring.")
    assert row.kind == "changed"
    assert ("big", "added") in row.new and ("Sit", "same") in row.new
    assert all(mark == "same" for _w, mark in row.old)


def test_lines_added_and_removed_are_their_own_rows():
    """A new line is added; a line gone is removed."""
    rows = diffing.compare("one\ntwo\nthree", "one\nthree\nfour")
    kinds = [r.kind for r in rows]
    assert kinds.count("removed") == 1 and kinds.count("added") == 1
    assert diffing.changed(rows) == 2
