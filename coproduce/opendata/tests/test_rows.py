"""The row checker alone: no database, no Django."""

from pathlib import Path

import pytest

from coproduce.opendata import rows
from coproduce.opendata.rows import FileProblem, RowError

DATA = Path(__file__).parent / "data"
HEADER = ",".join(rows.COLUMNS)


def _row(**cells):
    base = {"name": "Hall", "kind": "building", "ward": "Ashgrove", "latitude": "51.5"}
    base["longitude"] = "-0.1"
    return {**base, **cells}


def _write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "places.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_module_does_not_import_django():
    """The checker stays plain Python, so it can be tested and benchmarked alone."""
    source = Path(rows.__file__).read_text()
    assert "django" not in source.lower().replace("no django import", "")


def test_a_good_row_is_parsed_into_typed_values():
    """Numbers, choices, lists and yes/no come out typed and tidied."""
    row, errors = rows.parse_row(
        2,
        _row(
            kind="Green space",
            postcode="nb12aa",
            owner="Council",
            step_free="Yes",
            facilities="Toilets | Kitchen|",
            accessibility="Hearing loop",
            opening_hours="Mon-Fri 09:00-17:00",
        ),
    )
    assert errors == []
    assert row.kind == "green_space"
    assert row.postcode == "NB1 2AA"
    assert row.owner == "council"
    assert row.step_free is True
    assert row.latitude == 51.5
    assert row.longitude == -0.1
    assert row.facilities == ["Toilets", "Kitchen"]
    assert row.accessibility == ["Hearing loop"]
    assert len(row.opening_hours) == 5


def test_every_problem_in_a_row_is_reported_with_its_column():
    """A row with several problems lists each, not just the first."""
    row, errors = rows.parse_row(
        7, _row(name=" ", kind="castle", latitude="north", longitude="200", step_free="maybe")
    )
    assert row is None
    assert {e.column for e in errors} == {"name", "kind", "latitude", "longitude", "step_free"}
    assert all(e.line == 7 for e in errors)


def test_error_reads_line_column_reason():
    """Errors print as "line N: column: reason"."""
    assert str(RowError(4, "kind", "is wrong")) == "line 4: kind: is wrong"


@pytest.mark.parametrize(
    ("value", "low", "high"), [("90.0001", -90, 90), ("-180.5", -180, 180), ("nan", -90, 90)]
)
def test_coordinates_outside_the_earth_are_refused(value, low, high):
    """Latitudes past ±90, longitudes past ±180 and not-a-number are refused."""
    with pytest.raises(ValueError, match="not between"):
        rows.parse_coordinate(value, low=low, high=high)


def test_zero_zero_is_treated_as_a_missing_location():
    """0, 0 is almost always a blank location, so it is refused."""
    _parsed, errors = rows.parse_row(2, _row(latitude="0", longitude="0"))
    assert [e.column for e in errors] == ["latitude"]


@pytest.mark.parametrize(("text", "expected"), [("yes", True), ("N", False), ("", False)])
def test_yes_no(text, expected):
    """yes/no and their short forms are read; empty means no."""
    assert rows.parse_yes_no(text) is expected


def test_rooms_need_a_building_and_only_rooms_have_one():
    """A room must name its building; a building cannot be inside one."""
    _room, room_errors = rows.parse_row(2, _row(kind="room"))
    _hall, hall_errors = rows.parse_row(3, _row(building="Town Hall"))
    assert [e.column for e in room_errors] == ["building"]
    assert [e.column for e in hall_errors] == ["building"]


def test_formula_cells_are_protected_and_unprotected():
    """Cells a spreadsheet would run get a ' on export, which import takes off again."""
    assert rows.protect("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert rows.protect("Hall") == "Hall"
    row, _errors = rows.parse_row(2, _row(name="'=HYPERLINK(1)", description="'quoted'"))
    assert row.name == "=HYPERLINK(1)"
    assert row.description == "'quoted'"  # a ' before ordinary text is left alone


def test_format_row_parses_back_to_the_same_values():
    """A formatted place reads back as the same row: the export can be imported."""
    place = {
        "name": "-Minus Hall",
        "kind": "room",
        "description": "Line one,\nline two",
        "address": "1 High St",
        "postcode": "NB1 2AA",
        "ward": "Ashgrove",
        "latitude": 51.123456789,
        "longitude": -0.987654321,
        "owner": "private",
        "step_free": True,
        "facilities": ["Kitchen", "Toilets"],
        "accessibility": [],
        "opening_hours": [{"day": 6, "opens": "10:00", "closes": "12:00"}],
        "building": "Town Hall",
    }
    row, errors = rows.parse_row(2, dict(zip(rows.COLUMNS, rows.format_row(place), strict=True)))
    assert errors == []
    assert {column: getattr(row, column) for column in rows.COLUMNS} == place


def test_sample_good_file_has_no_problems():
    """The good sample file parses cleanly; a cell with a line break is still one line."""
    places, errors = rows.read_places(DATA / "places_good.csv")
    assert errors == []
    assert [p.line for p in places] == [2, 3, 4, 5, 6, 7]


def test_sample_bad_file_problems_have_spreadsheet_line_numbers():
    """Line numbers count the header as line 1, as a spreadsheet does."""
    places, errors = rows.read_places(DATA / "places_bad.csv")
    assert [p.name for p in places] == ["Good Garden", "Lost Hall", "Lonely Room", "Good Garden"]
    assert [str(e) for e in errors][:2] == [
        "line 3: name: is empty: every place needs a name",
        "line 3: kind: 'castle' is not one of: building, room, green_space, unloved_space",
    ]
    assert {e.line for e in errors} == {3, 5, 6}


def test_blank_rows_are_skipped_but_counted(tmp_path):
    """A blank line still counts as a line, so later numbers match the spreadsheet."""
    path = _write(tmp_path, f"{HEADER}\n\nHall,castle,,,,Ashgrove,51.5,-0.1,,,,,,\n")
    _places, errors = rows.read_places(path)
    assert [e.line for e in errors] == [3]


def test_a_byte_order_mark_is_accepted(tmp_path):
    """Excel's "CSV UTF-8" starts with a byte order mark; the header still reads."""
    path = _write(tmp_path, f"{HEADER}\nCafé,building,,,,Ashgrove,51.5,-0.1,,,,,,\n", "utf-8-sig")
    places, errors = rows.read_places(path)
    assert errors == []
    assert places[0].name == "Café"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no file"),
        ("", "is empty"),
        ("name,kind\nHall,building\n", "has no ward, latitude, longitude column"),
        (f"{HEADER}\n", "no places in it"),
        ("Caf\xe9,building", "not UTF-8"),
    ],
)
def test_file_problems_are_explained(tmp_path, content, message):
    """Missing, empty, headless, place-less and wrongly encoded files each say so."""
    path = tmp_path / "places.csv"
    if content is not None:
        path.write_bytes(content.encode("latin-1"))
    with pytest.raises(FileProblem, match=message):
        rows.read_places(path)


def test_columns_we_do_not_use_are_named(tmp_path):
    """Extra columns are reported, so a misspelt one is noticed."""
    path = _write(tmp_path, f"{HEADER},step_fre\n")
    _header, unknown = rows.read_header(path)
    assert unknown == ["step_fre"]
