"""manage.py opinion_groups --polis DIR [--json]."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

SMALL = Path(__file__).parent / "data" / "polis-small"
VOTES_HEADER = "timestamp,datetime,comment-id,voter-id,vote\n"
COMMENTS = "comment-id,moderated,comment-body\n0,1,Hello\n"


def run(*args: str) -> str:
    out = StringIO()
    call_command("opinion_groups", *args, stdout=out)
    return out.getvalue()


def test_json_gives_every_voter_a_group_or_null():
    """Every voter in votes.csv appears; those with too few votes are null."""
    result = json.loads(run("--polis", str(SMALL), "--json"))
    assert result["k"] == 2
    assert set(result["groups"]) == {str(p) for p in range(18)}
    assert result["groups"]["16"] is None and result["groups"]["17"] is None
    assert {result["groups"][str(p)] for p in range(8)} != {
        result["groups"][str(p)] for p in range(8, 16)
    }
    assert len({result["groups"][str(p)] for p in range(8)}) == 1


def test_without_json_prints_a_plain_summary():
    """The summary says how many people, groups and who was left out."""
    text = run("--polis", str(SMALL))
    assert "18 people voted." in text
    assert "2 people did not vote on enough statements yet." in text
    assert "We found 2 opinion groups." in text
    assert "Group A (0): 8 people." in text


def bad(tmp_path: Path, votes: str | None, comments: str | None = COMMENTS) -> Path:
    if votes is not None:
        (tmp_path / "votes.csv").write_text(votes, encoding="utf-8")
    if comments is not None:
        (tmp_path / "comments.csv").write_text(comments, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("votes", "comments", "message"),
    [
        (None, COMMENTS, "votes.csv: there is no such file"),
        (VOTES_HEADER + "1,x,0,1,1\n", None, "comments.csv: there is no such file"),
        ("", COMMENTS, "votes.csv, line 1: the file is empty"),
        ("when,who,what\n1,2,3\n", COMMENTS, "votes.csv, line 1: the header row"),
        (VOTES_HEADER + "1,x,0,1,1\n1,x,zero,1,1\n", COMMENTS, "line 3: comment-id must be"),
        (VOTES_HEADER + "1,x,0,1,-2\n", COMMENTS, "line 2: vote must be 1 (agree)"),
    ],
)
def test_bad_input_exits_2_naming_file_and_line(tmp_path, votes, comments, message):
    """Missing, empty, wrongly headed or malformed files stop with code 2 and say where."""
    folder = bad(tmp_path, votes, comments)
    with pytest.raises(CommandError) as caught:
        run("--polis", str(folder), "--json")
    assert caught.value.returncode == 2
    assert message in str(caught.value)


def test_a_missing_folder_exits_2(tmp_path):
    """A folder that is not there stops with code 2 and names it."""
    with pytest.raises(CommandError) as caught:
        run("--polis", str(tmp_path / "gone"))
    assert caught.value.returncode == 2
    assert "gone: there is no such folder" in str(caught.value)


def test_the_process_exit_code_is_2(tmp_path):
    """Run as a real command, a bad file makes the process exit with status 2."""
    folder = bad(tmp_path, VOTES_HEADER + "1,x,0,one,1\n")
    done = subprocess.run(
        [sys.executable, "manage.py", "opinion_groups", "--polis", str(folder), "--json"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "votes.csv, line 2: voter-id must be a whole number" in done.stderr
    assert done.stdout == ""
