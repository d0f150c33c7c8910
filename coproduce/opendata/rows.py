"""Reading and checking a CSV of places, one row at a time. No Django import.

The contract: `read_places(path)` gives every row it could make sense of as a `PlaceRow` and
every problem as a `RowError` ("line N: column: reason", where line 1 is the header, as a
spreadsheet numbers its rows). Problems with the file as a whole (missing, not UTF-8, empty,
required columns missing) raise `FileProblem`. Whether a ward or a building exists is for the
caller to check: this module knows nothing of the database.

`format_row` turns a place back into the same columns, so an export can be imported again.
Opening hours are read and written by `common.opening_hours`, as everywhere else.
"""

import csv
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coproduce.common.opening_hours import hours_from_text, text_from_hours

COLUMNS = (
    "name",
    "kind",
    "description",
    "address",
    "postcode",
    "ward",
    "latitude",
    "longitude",
    "owner",
    "step_free",
    "facilities",
    "accessibility",
    "opening_hours",
    "building",
)
REQUIRED_COLUMNS = ("name", "kind", "ward", "latitude", "longitude")
KINDS = ("building", "room", "green_space", "unloved_space")
OWNERS = ("council", "community", "private", "unknown")
LIST_SEPARATOR = "|"
MAX_LENGTHS = {"name": 200, "address": 300, "postcode": 10}
TEXT_COLUMNS = ("name", "description", "address", "ward", "facilities", "accessibility", "building")

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}
_POSTCODE = re.compile(r"^(GIR|[A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
# Spreadsheets run a cell that starts with one of these as a formula. Exports put a ' in
# front (OWASP's advice against CSV injection); imports take it off again.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing in it can be imported."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.reason}"


@dataclass
class PlaceRow:
    """One checked row. `ward` and `building` are names still to be found in the database."""

    line: int
    name: str
    kind: str
    ward: str
    latitude: float
    longitude: float
    description: str = ""
    address: str = ""
    postcode: str = ""
    owner: str = "unknown"
    step_free: bool = False
    facilities: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    opening_hours: list[dict[str, Any]] = field(default_factory=list)
    building: str = ""


def name_key(name: str) -> str:
    """How names are compared: case and runs of spaces do not matter."""
    return " ".join(name.split()).casefold()


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the last three characters: "ab12cd" -> "AB1 2CD"."""
    compact = "".join(value.split()).upper()
    if len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def parse_postcode(value: str) -> str:
    """A UK postcode, tidied, or "" for none. Raises ValueError with the reason."""
    if not value.strip():
        return ""
    postcode = normalise_postcode(value)
    if not _POSTCODE.match(postcode):
        raise ValueError(f"{value.strip()!r} is not a UK postcode, like SW1A 1AA")
    return postcode


def parse_coordinate(value: str, *, low: float, high: float) -> float:
    """A decimal number of degrees between low and high. Raises ValueError with the reason."""
    text = value.strip()
    if not text:
        raise ValueError("is empty: enter a number of degrees, like 51.5074")
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number: use decimal degrees, like 51.5074") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{text} is not between {low:g} and {high:g}")
    return number


def parse_choice(value: str, choices: Iterable[str], *, default: str | None = None) -> str:
    """One of `choices`; case, spaces and hyphens are forgiven ("Green space" -> green_space)."""
    text = re.sub(r"[\s-]+", "_", value.strip().lower())
    if not text and default is not None:
        return default
    choices = tuple(choices)
    if text not in choices:
        shown = value.strip() or "(empty)"
        raise ValueError(f"{shown!r} is not one of: {', '.join(choices)}")
    return text


def parse_yes_no(value: str) -> bool:
    """yes or no (also y/n, true/false, 1/0); empty means no."""
    text = value.strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"{value.strip()!r} is not yes or no")


def split_list(value: str) -> list[str]:
    """ "Toilets | Kitchen|" -> ["Toilets", "Kitchen"]."""
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def unprotect(value: str) -> str:
    """Take off the ' an export puts in front of a cell a spreadsheet would run as a formula."""
    if value.startswith("'") and value[1:2] in _FORMULA_STARTS and value[1:2]:
        return value[1:]
    return value


def protect(value: str) -> str:
    """Put a ' in front of a cell a spreadsheet would otherwise run as a formula."""
    if value and value[0] in _FORMULA_STARTS:
        return "'" + value
    return value


def parse_row(line: int, raw: dict[str, str]) -> tuple[PlaceRow | None, list[RowError]]:
    """Check one row. Gives the row, or None and every problem in it (not just the first)."""
    cells = {column: raw.get(column) or "" for column in COLUMNS}
    for column in TEXT_COLUMNS:
        cells[column] = unprotect(cells[column].strip())
    errors: list[RowError] = []
    values: dict[str, Any] = {}

    def check(column: str, parse, *args, **kwargs) -> None:
        try:
            values[column] = parse(cells[column], *args, **kwargs)
        except ValueError as problem:
            errors.append(RowError(line, column, str(problem)))

    name = " ".join(cells["name"].split())
    if not name:
        errors.append(RowError(line, "name", "is empty: every place needs a name"))
    values["name"] = name
    check("kind", parse_choice, KINDS)
    for column in ("description", "address"):
        values[column] = cells[column]
    for column in ("name", "address"):
        if len(values[column]) > MAX_LENGTHS[column]:
            errors.append(
                RowError(line, column, f"is longer than {MAX_LENGTHS[column]} characters")
            )
    check("postcode", parse_postcode)
    values["ward"] = " ".join(cells["ward"].split())
    if not values["ward"]:
        errors.append(RowError(line, "ward", "is empty: give the ward's name"))
    check("latitude", parse_coordinate, low=-90, high=90)
    check("longitude", parse_coordinate, low=-180, high=180)
    if values.get("latitude") == 0 and values.get("longitude") == 0:
        errors.append(
            RowError(line, "latitude", "0, 0 is in the sea off Africa: the location is missing")
        )
    check("owner", parse_choice, OWNERS, default="unknown")
    check("step_free", parse_yes_no)
    values["facilities"] = split_list(cells["facilities"])
    values["accessibility"] = split_list(cells["accessibility"])
    check("opening_hours", hours_from_text)
    values["building"] = " ".join(cells["building"].split())
    kind = values.get("kind")
    if kind == "room" and not values["building"]:
        errors.append(RowError(line, "building", "is empty: a room must say which building"))
    if kind and kind != "room" and values["building"]:
        errors.append(RowError(line, "building", f"only rooms are in a building, not a {kind}"))
    if errors:
        return None, errors
    return PlaceRow(line=line, **values), []


def _open_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        # Line numbers count records, as a spreadsheet does, so a cell with a line break in
        # it does not throw them out. Blank rows count too.
        yield from enumerate(csv.reader(handle), start=1)


def read_header(path: Path) -> tuple[list[str], list[str]]:
    """The file's columns and any it has that we do not use. Raises FileProblem."""
    if not path.exists():
        raise FileProblem(f"There is no file at {path}")
    if not path.is_file():
        raise FileProblem(f"{path} is a folder, not a file")
    try:
        first = next(_open_rows(path), None)
    except UnicodeDecodeError:
        raise FileProblem(
            f'{path} is not UTF-8 text. In a spreadsheet, save it as "CSV UTF-8".'
        ) from None
    except csv.Error as problem:
        raise FileProblem(f"{path} is not a CSV file the importer can read: {problem}") from None
    if first is None or not any(cell.strip() for cell in first[1]):
        raise FileProblem(f"{path} is empty: the first line must name the columns")
    header = [cell.strip().lower() for cell in first[1]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise FileProblem(
            f"{path} has no {', '.join(missing)} column. The first line must name the "
            f"columns; these are needed: {', '.join(REQUIRED_COLUMNS)}"
        )
    unknown = [column for column in header if column and column not in COLUMNS]
    return header, unknown


def read_places(path: Path, *, progress=iter) -> tuple[list[PlaceRow], list[RowError]]:
    """Every row of the file, checked. `progress` wraps the row iterator (for a progress bar)."""
    header, _unknown = read_header(path)
    rows: list[PlaceRow] = []
    errors: list[RowError] = []
    seen = 0
    try:
        for line, cells in progress(_open_rows(path)):
            if line == 1 or not any(cell.strip() for cell in cells):
                continue
            seen += 1
            if len(cells) > len(header):
                errors.append(
                    RowError(
                        line,
                        "row",
                        f"has {len(cells)} cells but there are "
                        f"{len(header)} columns: is a comma missing its quotes?",
                    )
                )
                continue
            row, problems = parse_row(line, dict(zip(header, cells, strict=False)))
            if row is not None:
                rows.append(row)
            errors.extend(problems)
    except UnicodeDecodeError:
        raise FileProblem(
            f'{path} is not UTF-8 text. In a spreadsheet, save it as "CSV UTF-8".'
        ) from None
    except csv.Error as problem:
        raise FileProblem(f"{path} is not a CSV file the importer can read: {problem}") from None
    if not seen:
        raise FileProblem(f"{path} has a header but no places in it")
    return rows, errors


def format_row(place: dict[str, Any]) -> list[str]:
    """A place (a dict with the COLUMNS as keys) as CSV cells, in COLUMNS order."""
    cells = {
        "name": place["name"],
        "kind": place["kind"],
        "description": place.get("description") or "",
        "address": place.get("address") or "",
        "postcode": place.get("postcode") or "",
        "ward": place["ward"],
        "latitude": repr(float(place["latitude"])),
        "longitude": repr(float(place["longitude"])),
        "owner": place.get("owner") or "unknown",
        "step_free": "yes" if place.get("step_free") else "no",
        "facilities": f" {LIST_SEPARATOR} ".join(place.get("facilities") or []),
        "accessibility": f" {LIST_SEPARATOR} ".join(place.get("accessibility") or []),
        "opening_hours": text_from_hours(place.get("opening_hours") or []),
        "building": place.get("building") or "",
    }
    for column in TEXT_COLUMNS:
        cells[column] = protect(cells[column])
    return [cells[column] for column in COLUMNS]
