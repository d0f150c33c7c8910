"""The Pabulib reader alone: no database, no Django."""

from pathlib import Path

import pytest

from coproduce.budgets import pabulib
from coproduce.budgets.pabulib import PabulibError, parse, read

DATA = Path(__file__).parent / "data"

META = "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;100\nvote_type;approval\nrule;greedy\n"
PROJECTS = "PROJECTS\nproject_id;cost;votes;selected\n1;60;2;1\n2;50;1;0\n"
VOTES = "VOTES\nvoter_id;vote\n10;1,2\n11;1\n"


def _problem(text):
    with pytest.raises(PabulibError) as caught:
        parse(text)
    return caught.value


def test_module_does_not_import_django():
    """The reader stays plain Python."""
    source = Path(pabulib.__file__).read_text()
    assert "import django" not in source and "from django" not in source


def test_a_good_file_is_read_into_meta_projects_and_votes():
    """Budget, rule, costs, the city's outcome and each voter's choices come out typed."""
    election = parse(META + PROJECTS + VOTES)

    assert election.budget == 100
    assert election.rule == "greedy"
    assert [(p.id, p.cost) for p in election.projects] == [("1", 60), ("2", 50)]
    assert election.official == ["1"]
    assert [v.approved for v in election.votes] == [("1", "2"), ("1",)]


def test_a_budget_written_as_a_decimal_is_accepted():
    """Real files write budgets like 1000000.0."""
    election = parse(META.replace("budget;100", "budget;100.0") + PROJECTS + VOTES)

    assert election.budget == 100


def test_windows_line_endings_a_byte_order_mark_and_trailing_blank_lines_are_accepted(tmp_path):
    """Assen's file has CRLF line endings; editors add BOMs and blank lines at the end."""
    path = tmp_path / "round.pb"
    text = (META + PROJECTS + VOTES).replace("\n", "\r\n") + "\r\n\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())

    assert read(path).budget == 100


def test_a_quoted_field_may_hold_a_semicolon():
    """Names and descriptions in real files are quoted when they hold the separator."""
    projects = 'PROJECTS\nproject_id;cost;name\n1;60;"Paint; and brushes"\n2;50;Bins\n'

    election = parse(META + projects + VOTES)

    assert election.projects[0].fields["name"] == "Paint; and brushes"


def test_a_voter_who_chose_nothing_is_kept():
    """An empty vote is a ballot with no choices, not an error."""
    election = parse(META.replace("num_votes;2", "num_votes;3") + PROJECTS + VOTES + "12;\n")

    assert election.votes[-1].approved == ()


def test_a_missing_file_is_named(tmp_path):
    """The message says there is no file at that path."""
    with pytest.raises(PabulibError, match="There is no file at"):
        read(tmp_path / "nope.pb")


def test_a_folder_is_not_a_file(tmp_path):
    """Given a folder by mistake, say so."""
    with pytest.raises(PabulibError, match="is a folder"):
        read(tmp_path)


def test_an_empty_file_is_refused(tmp_path):
    """Nothing, or only blank lines, is not an election."""
    path = tmp_path / "empty.pb"
    path.write_text("\n\n")

    with pytest.raises(PabulibError, match="The file is empty"):
        read(path)


def test_text_that_is_not_utf8_names_the_line(tmp_path):
    """Latin-1 bytes on line 3 are reported on line 3."""
    path = tmp_path / "latin.pb"
    path.write_bytes(b"META\nkey;value\ndescription;Caf\xe9\n")

    with pytest.raises(PabulibError, match="line 3: this is not UTF-8"):
        read(path)


def test_a_vote_for_an_unknown_project_names_the_line_and_project():
    """Line 15 names project 999, which PROJECTS does not list."""
    problem = _problem(META + PROJECTS + "VOTES\nvoter_id;vote\n10;1,2\n11;999\n")

    assert str(problem) == "line 15: a vote names project 999, which is not in PROJECTS."
    assert problem.line == 15


def test_a_file_must_start_with_meta():
    """Anything before META is an error on line 1."""
    assert "line 1" in str(_problem("hello\n" + META + PROJECTS + VOTES))


def test_sections_must_come_in_order():
    """PROJECTS before META is refused."""
    assert "sections must be META, PROJECTS, VOTES" in str(_problem(PROJECTS + META + VOTES))


def test_a_missing_section_is_named():
    """No VOTES section, no election."""
    assert "no VOTES section" in str(_problem(META + PROJECTS))


def test_a_header_without_the_needed_column_is_refused():
    """PROJECTS needs project_id and cost."""
    problem = _problem(META + "PROJECTS\nproject_id;price\n1;60\n" + VOTES)

    assert str(problem) == "line 9: the PROJECTS header has no 'cost' column."


def test_a_line_with_the_wrong_number_of_fields_is_refused():
    """Every line has as many fields as its header."""
    problem = _problem(META + "PROJECTS\nproject_id;cost;votes;selected\n1;60;2\n" + VOTES)

    assert "line 10: this PROJECTS line has 3 fields but the header has 4" in str(problem)


@pytest.mark.parametrize(
    ("cost", "message"),
    [("sixty", "is not a number"), ("60.5", "is not a whole number"), ("-60", "less than zero")],
)
def test_a_cost_must_be_a_whole_number(cost, message):
    """Costs are whole units; 60.0 is fine, 60.5 is not."""
    problem = _problem(META + PROJECTS.replace("1;60;2;1", f"1;{cost};2;1") + VOTES)

    assert message in str(problem) and "line 10" in str(problem)


def test_a_cost_written_as_a_whole_decimal_is_accepted():
    """60.0 is sixty."""
    election = parse(META + PROJECTS.replace("1;60;2;1", "1;60.0;2;1") + VOTES)

    assert election.projects[0].cost == 60


def test_a_project_listed_twice_is_refused():
    """Project ids are unique; the message points at both lines."""
    problem = _problem(META + PROJECTS + "1;70;0;0\n" + VOTES)

    assert "project 1 is listed twice (first on line 10)" in str(problem)


def test_a_voter_voting_twice_is_refused():
    """Voter ids are unique."""
    problem = _problem(META.replace("num_votes;2", "num_votes;3") + PROJECTS + VOTES + "10;2\n")

    assert "voter 10 votes twice" in str(problem)


def test_a_vote_naming_a_project_twice_is_refused():
    """Approving the same project twice is a malformed vote."""
    problem = _problem(META + PROJECTS + "VOTES\nvoter_id;vote\n10;1,1\n11;1\n")

    assert "names project 1 twice" in str(problem)


def test_counts_in_meta_must_match_the_sections():
    """num_votes says 3 but two votes follow."""
    problem = _problem(META.replace("num_votes;2", "num_votes;3") + PROJECTS + VOTES)

    assert str(problem) == "line 4: META says num_votes is 3 but the VOTES section has 2."


def test_a_budget_is_required():
    """Without a budget there is nothing to share out."""
    problem = _problem(META.replace("budget;100\n", "") + PROJECTS + VOTES)

    assert "META has no budget" in str(problem)


def test_a_blank_line_inside_the_file_is_refused():
    """Only blank lines at the end are ignored."""
    assert "line 8: this line is empty" in str(_problem(META + "\n" + PROJECTS + VOTES))


def test_a_real_file_is_read_whole():
    """Assen 2024: 14 projects, 84 voters, budget 100,000, equal shares with add1."""
    election = read(DATA / "Netherlands_Assen_2024.pb")

    assert (len(election.projects), len(election.votes), election.budget) == (14, 84, 100_000)
    assert election.rule == "equalshares/add1"
    assert len(election.official) == 9
