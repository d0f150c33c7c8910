"""Reading a Pol.is export folder (coproduce/conversations/polis.py)."""

from pathlib import Path

import pytest

from coproduce.conversations import polis

SMALL = Path(__file__).parent / "data" / "polis-small"
VOTES_HEADER = "timestamp,datetime,comment-id,voter-id,vote\n"
COMMENTS_HEADER = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
)


def export(tmp_path: Path, votes: str, comments: str | None = None) -> Path:
    (tmp_path / "votes.csv").write_text(votes, encoding="utf-8")
    (tmp_path / "comments.csv").write_text(
        comments if comments is not None else COMMENTS_HEADER + "1,x,0,0,0,0,1,Hello\n",
        encoding="utf-8",
    )
    return tmp_path


def test_reads_every_vote_in_the_order_cast():
    """All votes are read and sorted by timestamp (the file itself is shuffled)."""
    result = polis.read_export(SMALL)
    assert len(result.values) == 16 * 9 + 2 * 3 + 1
    assert result.voters == list(range(18))
    first = (int(result.participants[0]), int(result.statements[0]), int(result.values[0]))
    assert first == (0, 0, -1)  # the earliest vote: person 0's first go at statement 0


def test_moderated_out_comments_are_listed():
    """moderated = -1 marks a comment out of the maths; quoted multi-line bodies are fine."""
    result = polis.read_export(SMALL)
    assert result.moderated_out == {8}
    assert result.excluded == {8}
    assert result.comments == list(range(9))


def test_meta_comments_are_listed_but_stay_in(tmp_path):
    """is-meta = true is read, but only moderated-out comments are excluded, as in Pol.is."""
    comments = "comment-id,moderated,is-meta,comment-body\n0,-1,false,A\n1,1,true,About this\n"
    result = polis.read_export(export(tmp_path, VOTES_HEADER + "1,x,0,5,1\n", comments))
    assert result.meta == {1}
    assert result.excluded == {0}


def test_equal_timestamps_keep_the_file_order(tmp_path):
    """Votes cast in the same millisecond stay in the order of the file."""
    votes = VOTES_HEADER + "5,x,0,1,1\n5,x,0,1,-1\n"
    assert polis.read_export(export(tmp_path, votes)).values.tolist() == [1, -1]


def test_groups_pol_is_gave(tmp_path):
    """participants-votes.csv gives each participant's group, None where left out."""
    (tmp_path / "participants-votes.csv").write_text(
        "participant,group-id,n-votes\n0,1,9\n1,,2\n", encoding="utf-8"
    )
    assert polis.read_groups(tmp_path) == {0: 1, 1: None}


def test_a_missing_folder_is_named(tmp_path):
    """A folder that is not there is named in the error."""
    with pytest.raises(polis.PolisError, match="no such folder"):
        polis.read_export(tmp_path / "nothing")


def test_a_missing_votes_file_is_named(tmp_path):
    """No votes.csv: the error names votes.csv."""
    (tmp_path / "comments.csv").write_text(COMMENTS_HEADER, encoding="utf-8")
    with pytest.raises(polis.PolisError, match=r"votes\.csv: there is no such file"):
        polis.read_export(tmp_path)


def test_a_missing_comments_file_is_named(tmp_path):
    """No comments.csv: the error names comments.csv."""
    (tmp_path / "votes.csv").write_text(VOTES_HEADER + "1,x,0,1,1\n", encoding="utf-8")
    with pytest.raises(polis.PolisError, match=r"comments\.csv: there is no such file"):
        polis.read_export(tmp_path)


def test_an_empty_file_is_named_with_line_one(tmp_path):
    """An empty votes.csv is reported at line 1."""
    with pytest.raises(polis.PolisError, match=r"votes.csv, line 1: the file is empty"):
        polis.read_export(export(tmp_path, ""))


def test_a_header_without_votes_is_refused(tmp_path):
    """A votes.csv with a header but no votes says so."""
    with pytest.raises(polis.PolisError, match="there are no votes"):
        polis.read_export(export(tmp_path, VOTES_HEADER))


def test_a_wrong_header_names_the_missing_columns(tmp_path):
    """A header without voter-id is refused, naming the column."""
    with pytest.raises(polis.PolisError, match=r"line 1: .* it has no voter-id"):
        polis.read_export(export(tmp_path, "timestamp,comment-id,person,vote\n1,0,1,1\n"))


def test_a_non_integer_id_names_its_line(tmp_path):
    """voter-id 'abc' on the third line is reported as line 3."""
    votes = VOTES_HEADER + "1,x,0,1,1\n2,x,0,abc,1\n"
    with pytest.raises(polis.PolisError, match=r"votes.csv, line 3: voter-id must be a whole"):
        polis.read_export(export(tmp_path, votes))


def test_a_vote_outside_agree_disagree_pass_names_its_line(tmp_path):
    """A vote of 2 is refused with its line number."""
    votes = VOTES_HEADER + "1,x,0,1,2\n"
    with pytest.raises(polis.PolisError, match=r"line 2: vote must be 1 \(agree\)"):
        polis.read_export(export(tmp_path, votes))


def test_a_row_with_too_few_values_names_its_line(tmp_path):
    """A short row is refused with its line number."""
    votes = VOTES_HEADER + "1,x,0,1,1\n2,x,0\n"
    with pytest.raises(polis.PolisError, match=r"line 3: expected 5 values but found 3"):
        polis.read_export(export(tmp_path, votes))


def test_line_numbers_count_multi_line_comments(tmp_path):
    """After a comment body over two lines, the next bad row's own line is given."""
    comments = COMMENTS_HEADER + '1,x,0,0,0,0,1,"two\nlines"\n2,x,one,0,0,0,1,Bad id\n'
    with pytest.raises(polis.PolisError, match=r"comments.csv, line 4: comment-id"):
        polis.read_export(export(tmp_path, VOTES_HEADER + "1,x,0,1,1\n", comments))
