import io
from decimal import Decimal
from pathlib import Path

from coproduce.directory.csv_rows import RowError, ServiceRow, check_row, read_rows

DATA = Path(__file__).parent / "data"
KINDS = ("community_group", "council_service", "nhs", "voluntary")


def _rows(text: str):
    return list(read_rows(io.StringIO(text), kinds=KINDS))


def _check(**values):
    base = {"organisation": "Good Neighbours", "organisation_kind": "voluntary", "name": "Club"}
    return check_row({**base, **values}, line=7, kinds=KINDS)


def test_good_sample_file_has_only_good_rows():
    """Every row of the good sample is read into a typed ServiceRow."""
    with (DATA / "services_good.csv").open(encoding="utf-8") as file:
        rows = list(read_rows(file, kinds=KINDS))
    assert all(isinstance(row, ServiceRow) for row in rows), rows
    assert [row.line for row in rows] == [2, 3, 4, 5, 6]
    first = rows[0]
    assert first.new_place.postcode == "NB1 1AA"
    assert first.openings[0].days == ("MO", "TU", "WE", "TH", "FR")
    assert first.cost_amount == Decimal("0")
    assert first.taxonomy_terms == ("food", "money")


def test_bad_sample_file_reports_each_bad_row_by_line():
    """Rows broken in the file itself are errors with their line numbers."""
    with (DATA / "services_bad.csv").open(encoding="utf-8") as file:
        rows = list(read_rows(file, kinds=KINDS))
    errors = {row.line: row.reason for row in rows if isinstance(row, RowError)}
    assert set(errors) == {3, 4, 5, 6, 7, 8}
    assert "organisation is empty" in errors[3]
    assert "spaceship" in errors[4]
    assert "url" in errors[5] and "email" in errors[5] and "phone" in errors[5]


def test_missing_and_unknown_columns_stop_at_the_header():
    """A header without required columns, or with unknown ones, is one error on line 1."""
    rows = _rows("name,colour\nClub,red\n")
    assert rows == [
        RowError(1, "missing columns: organisation, organisation_kind; unknown columns: colour")
    ]


def test_line_numbers_count_lines_inside_quoted_values():
    """A description spread over two lines does not throw later line numbers off."""
    rows = _rows(
        "organisation,organisation_kind,name,description\n"
        'A,voluntary,One,"two\nlines"\n'
        ",voluntary,Two,\n"
    )
    assert rows[1] == RowError(4, "organisation is empty")


def test_blank_rows_are_skipped_and_extra_values_are_errors():
    """Empty rows are ignored; a row with more values than columns is an error."""
    rows = _rows("organisation,organisation_kind,name\n,,\nA,voluntary,B,extra\n")
    assert rows == [RowError(3, "more values than there are columns")]


def test_every_problem_in_a_row_is_listed():
    """One error names all the row's problems, so a fix takes one go."""
    error = _check(minimum_age="ninety", maximum_age="200", cost="-2")
    assert isinstance(error, RowError)
    assert "minimum_age" in error.reason and "maximum_age" in error.reason
    assert "negative" in error.reason
    assert str(error).startswith("line 7: ")


def test_costs_are_read_as_amounts_or_words():
    """'Free' is 0, '£3.50 a meal' is 3.50 'a meal', and other words are kept as words."""
    assert _check(cost="Free").cost_amount == Decimal("0")
    row = _check(cost="£3.50 a meal")
    assert (row.cost_amount, row.cost_text) == (Decimal("3.50"), "a meal")
    row = _check(cost="Donations welcome")
    assert (row.cost_amount, row.cost_text) == (None, "Donations welcome")


def test_a_new_place_needs_every_address_column():
    """Part of an address is an error naming what is missing."""
    error = _check(address="2 Mill Lane", postcode="NB1 1AA")
    assert "missing latitude, longitude, ward" in error.reason


def test_coordinates_and_postcodes_are_checked():
    """Latitude must be on Earth and the postcode must look like a UK one."""
    error = _check(address="2 Mill Lane", postcode="12345", latitude="91", longitude="0", ward="X")
    assert "postcode" in error.reason and "latitude" in error.reason


def test_organisation_kind_is_read_loosely():
    """'Council service' in a spreadsheet means council_service."""
    assert _check(organisation_kind="Council service").organisation_kind == "council_service"
