"""``manage.py share_out``: output, and exit code 2 with a clear message on bad input."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

DATA = Path(__file__).parent / "data"


def _run(*args):
    out = StringIO()
    call_command("share_out", *args, stdout=out)
    return out.getvalue()


def _refused(*args):
    with pytest.raises(CommandError) as caught:
        _run(*args)
    return caught.value


def test_json_prints_the_projects_chosen_under_the_files_rule():
    """Greedy (META): playground first, benches skipped, trees fit."""
    printed = _run("--pabulib", str(DATA / "small_greedy.pb"), "--json")

    assert json.loads(printed) == {"selected": ["1", "3"]}


def test_json_under_equal_shares_with_add1():
    """Equal shares (META): benches and trees, not the pool."""
    printed = _run("--pabulib", str(DATA / "small_equal_shares.pb"), "--json")

    assert json.loads(printed) == {"selected": ["12", "13"]}


def test_a_real_file_gives_the_citys_outcome():
    """Assen 2024, by equal shares with add1, chooses the nine projects the city chose."""
    printed = _run("--pabulib", str(DATA / "Netherlands_Assen_2024.pb"), "--json")

    assert json.loads(printed)["selected"] == ["3", "9", "2", "11", "13", "14", "5", "6", "12"]


def test_without_json_a_short_plain_summary_is_printed():
    """It says the rule, what was chosen and spent, and whether it matches the official result."""
    printed = _run("--pabulib", str(DATA / "small_greedy.pb"))

    assert "Counted by greedy" in printed
    assert "Chosen: 2 projects costing 100, leaving 0: 1, 3." in printed
    assert "This is the same as the official result." in printed


def test_the_rule_can_be_chosen_instead_of_the_files():
    """--rule overrides META: the equal shares file counted greedily funds the pool."""
    printed = _run("--pabulib", str(DATA / "small_equal_shares.pb"), "--json", "--rule", "greedy")

    assert json.loads(printed) == {"selected": ["11", "12"]}


def test_an_unsupported_rule_exits_2_naming_it_and_the_supported_ones():
    """The file asks for 'minimax'."""
    problem = _refused("--pabulib", str(DATA / "unsupported_rule.pb"), "--json")

    assert problem.returncode == 2
    assert "'minimax' is not supported" in str(problem)
    assert "Supported rules: greedy, equalshares/add1." in str(problem)


def test_a_missing_file_exits_2(tmp_path):
    """The message names the path."""
    problem = _refused("--pabulib", str(tmp_path / "nope.pb"), "--json")

    assert problem.returncode == 2
    assert "There is no file at" in str(problem)


def test_an_empty_file_exits_2(tmp_path):
    """An empty file is not an election."""
    path = tmp_path / "empty.pb"
    path.write_text("")

    problem = _refused("--pabulib", str(path), "--json")

    assert problem.returncode == 2
    assert "The file is empty." in str(problem)


def test_a_malformed_file_exits_2_naming_the_line(tmp_path):
    """A vote for project 999 on line 21."""
    text = (DATA / "small_greedy.pb").read_text().replace("v6;3", "v6;999")
    path = tmp_path / "bad.pb"
    path.write_text(text)

    problem = _refused("--pabulib", str(path), "--json")

    assert problem.returncode == 2
    assert "line 21: a vote names project 999, which is not in PROJECTS." in str(problem)


def test_votes_that_are_not_approvals_exit_2(tmp_path):
    """Only approval votes can be counted by these rules."""
    text = (DATA / "small_greedy.pb").read_text().replace("approval", "cumulative")
    path = tmp_path / "points.pb"
    path.write_text(text)

    problem = _refused("--pabulib", str(path), "--json")

    assert problem.returncode == 2
    assert "only approval votes" in str(problem)


def test_choose_one_votes_are_counted_as_approvals(tmp_path):
    """A choose-1 ballot is an approval of one project."""
    text = (
        (DATA / "small_greedy.pb").read_text().replace("vote_type;approval", "vote_type;choose-1")
    )
    path = tmp_path / "one.pb"
    path.write_text(text)

    assert json.loads(_run("--pabulib", str(path), "--json")) == {"selected": ["1", "3"]}


def test_the_process_really_exits_with_2():
    """Run as a command line, the shell sees exit status 2 and the message on stderr."""
    result = subprocess.run(
        [sys.executable, "manage.py", "share_out", "--pabulib", "/no/such/file.pb", "--json"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 2
    assert "There is no file at /no/such/file.pb" in result.stderr
    assert result.stdout == ""
