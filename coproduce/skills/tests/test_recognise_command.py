"""manage.py skills_recognise: one text or a file of them, as text or JSON lines."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("skills_recognise", *args, stdout=out)
    return out.getvalue()


def test_json_lines_for_a_file_best_first(tmp_path):
    """One JSON object a line, in the file's order, skills best first with evidence."""
    path = tmp_path / "texts.txt"
    path.write_text("I run the school fete\nI fix bikes for the kids\n", encoding="utf-8")
    lines = [json.loads(line) for line in _run("--json", "--file", str(path)).splitlines()]
    assert [line["text"] for line in lines] == ["I run the school fete", "I fix bikes for the kids"]
    first = lines[0]["skills"]
    assert first[0]["label"] == "event planning"
    assert first[0]["score"] >= first[1]["score"] >= first[2]["score"]
    assert "fete" in first[0]["evidence"]
    assert lines[1]["skills"][0]["label"] == "bicycle repair"


def test_top_sets_how_many_skills(tmp_path):
    """--top 5 gives five skills."""
    line = json.loads(_run("--json", "--top", "5", "I cook for the lunch club"))
    assert len(line["skills"]) == 5


def test_plain_output_is_readable():
    """Without --json, the text then a line per skill with its score."""
    out = _run("I do the accounts for the football club")
    assert "bookkeeping" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--file", "/nowhere/texts.txt"], "There is no file"),
        ([""], "no text to read"),
        ([], "Give either a TEXT or --file"),
        (["--top", "0", "text"], "--top must be"),
    ],
)
def test_bad_input_exits_2_with_a_reason(args, message):
    """Missing file, empty input and bad options stop with exit code 2 and a message."""
    with pytest.raises(CommandError, match=message) as error:
        _run(*args)
    assert error.value.returncode == 2


def test_a_file_of_blank_lines_is_empty_input(tmp_path):
    """A file with nothing but blank lines is an error, not silence."""
    path = tmp_path / "blank.txt"
    path.write_text("\n \n", encoding="utf-8")
    with pytest.raises(CommandError, match="empty"):
        _run("--file", str(path))


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    """Latin-1 bytes get a clear message."""
    path = tmp_path / "latin.txt"
    path.write_bytes("café".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        _run("--file", str(path))
