"""Reading a CSV of services into checked rows. No Django import: tested on its own.

Each data row becomes a `ServiceRow` with typed values, or a `RowError` naming its line and
every reason it is wrong. Checks that need the database (does this place or category
exist?) happen later, in `importer`.

Columns: organisation, organisation_kind, name, description, url, email, phone,
place_name, address, postcode, latitude, longitude, ward, opens, minimum_age, maximum_age,
cost, taxonomy_terms (separated by |). Only organisation, organisation_kind and name are
required; a service with no place is offered online, by phone or on request.
"""

import csv
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from coproduce.common.opening_hours import HoursError, WeeklyOpening, weekly_from_text

REQUIRED_COLUMNS = ("organisation", "organisation_kind", "name")
COLUMNS = (
    *REQUIRED_COLUMNS,
    "description",
    "url",
    "email",
    "phone",
    "place_name",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "ward",
    "opens",
    "minimum_age",
    "maximum_age",
    "cost",
    "taxonomy_terms",
)
ADDRESS_COLUMNS = ("address", "postcode", "latitude", "longitude", "ward")
MAX_LENGTHS = {
    "organisation": 200,
    "name": 200,
    "url": 200,
    "email": 254,
    "phone": 30,
    "place_name": 200,
    "address": 300,
    "postcode": 10,
    "ward": 100,
}
MAX_AGE = 130
MAX_COST = Decimal("999999.99")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s()\-]+$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)
_MONEY = re.compile(r"^£?\s*(\d+(?:\.\d{1,2})?)\s*(.*)$")
_FREE = {"free", "0", "£0", "0.00", "£0.00", "no charge", "nothing"}


@dataclass(frozen=True)
class NewPlace:
    """A place to add when no place of that name exists: a public building, not a home."""

    address: str
    postcode: str
    latitude: float
    longitude: float
    ward: str


@dataclass(frozen=True)
class ServiceRow:
    line: int
    organisation: str
    organisation_kind: str
    name: str
    description: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    place_name: str = ""
    new_place: NewPlace | None = None
    openings: tuple[WeeklyOpening, ...] = ()
    minimum_age: int | None = None
    maximum_age: int | None = None
    cost_amount: Decimal | None = None
    cost_text: str = ""
    taxonomy_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def read_rows(lines: Iterable[str], *, kinds: Collection[str]) -> Iterator[ServiceRow | RowError]:
    """Yield one checked row (or error) per data row, with its line number in the file.

    `kinds` are the organisation kinds allowed. A header without the required columns, or
    with unknown ones, gives a single error for line 1 and nothing else.
    """
    reader = csv.DictReader(lines)
    header = [(name or "").strip() for name in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    if missing or unknown:
        reasons = []
        if missing:
            reasons.append(f"missing columns: {', '.join(missing)}")
        if unknown:
            reasons.append(f"unknown columns: {', '.join(unknown)}")
        yield RowError(1, "; ".join(reasons))
        return
    reader.fieldnames = header
    while True:
        start = reader.line_num + 1
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield RowError(start, f"cannot read this line as CSV ({error})")
            return
        if None in raw:
            yield RowError(start, "more values than there are columns")
            continue
        values = {key: (value or "").strip() for key, value in raw.items()}
        if not any(values.values()):
            continue
        yield check_row(values, line=start, kinds=kinds)


def check_row(
    values: dict[str, str], *, line: int, kinds: Collection[str]
) -> ServiceRow | RowError:
    """Check one row's values; every problem found is listed in the error, not just the first."""
    reasons: list[str] = []

    def get(column: str) -> str:
        return values.get(column, "")

    for column in REQUIRED_COLUMNS:
        if not get(column):
            reasons.append(f"{column} is empty")
    for column, limit in MAX_LENGTHS.items():
        if len(get(column)) > limit:
            reasons.append(f"{column} is longer than {limit} characters")
    kind = get("organisation_kind").lower().replace(" ", "_")
    if kind and kind not in kinds:
        reasons.append(
            f"organisation_kind {get('organisation_kind')!r} is not one of: {', '.join(kinds)}"
        )
    if get("url") and not _URL.match(get("url")):
        reasons.append(f"url {get('url')!r} is not a web address starting http:// or https://")
    if get("email") and not _EMAIL.match(get("email")):
        reasons.append(f"email {get('email')!r} is not an email address")
    phone = get("phone")
    if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 7):
        reasons.append(f"phone {phone!r} is not a phone number")

    new_place = _new_place(values, reasons)
    openings: tuple[WeeklyOpening, ...] = ()
    try:
        openings = tuple(weekly_from_text(get("opens")))
    except HoursError as error:
        reasons.append(f"opens: {error}")
    minimum_age = _age(get("minimum_age"), "minimum_age", reasons)
    maximum_age = _age(get("maximum_age"), "maximum_age", reasons)
    if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
        reasons.append("minimum_age is more than maximum_age")
    cost_amount, cost_text = _cost(get("cost"), reasons)
    terms = tuple(dict.fromkeys(t.strip() for t in get("taxonomy_terms").split("|") if t.strip()))

    if reasons:
        return RowError(line, "; ".join(reasons))
    return ServiceRow(
        line=line,
        organisation=get("organisation"),
        organisation_kind=kind,
        name=get("name"),
        description=get("description"),
        url=get("url"),
        email=get("email"),
        phone=phone,
        place_name=get("place_name"),
        new_place=new_place,
        openings=openings,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        cost_amount=cost_amount,
        cost_text=cost_text,
        taxonomy_terms=terms,
    )


def _new_place(values: dict[str, str], reasons: list[str]) -> NewPlace | None:
    given = [c for c in ADDRESS_COLUMNS if values.get(c)]
    if not given:
        return None
    missing = [c for c in ADDRESS_COLUMNS if not values.get(c)]
    if missing:
        reasons.append(
            f"a new place needs {', '.join(ADDRESS_COLUMNS)}; missing {', '.join(missing)}"
        )
        return None
    postcode = values["postcode"].upper()
    if not _POSTCODE.match(postcode):
        reasons.append(f"postcode {values['postcode']!r} is not a UK postcode")
    latitude = _coordinate(values["latitude"], "latitude", 90, reasons)
    longitude = _coordinate(values["longitude"], "longitude", 180, reasons)
    if latitude is None or longitude is None or not _POSTCODE.match(postcode):
        return None
    return NewPlace(
        address=values["address"],
        postcode=" ".join(postcode.split()),
        latitude=latitude,
        longitude=longitude,
        ward=values["ward"],
    )


def _coordinate(text: str, column: str, limit: int, reasons: list[str]) -> float | None:
    try:
        value = float(text)
    except ValueError:
        reasons.append(f"{column} {text!r} is not a number")
        return None
    if not -limit <= value <= limit:
        reasons.append(f"{column} {text} is not between -{limit} and {limit}")
        return None
    return value


def _age(text: str, column: str, reasons: list[str]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_AGE:
        reasons.append(f"{column} {text!r} is not an age from 0 to {MAX_AGE}")
        return None
    return int(text)


def _cost(text: str, reasons: list[str]) -> tuple[Decimal | None, str]:
    """'Free' -> 0; '£3.50 a session' -> 3.50 and 'a session'; other words -> text only."""
    if not text:
        return None, ""
    if text.lower() in _FREE:
        return Decimal("0"), ""
    if text.lstrip().startswith("-"):
        reasons.append(f"cost {text!r} cannot be negative")
        return None, ""
    match = _MONEY.match(text)
    if match is None:
        return None, text
    try:
        amount = Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None, text
    if amount > MAX_COST:
        reasons.append(f"cost {text!r} is more than £{MAX_COST}")
        return None, ""
    return amount, match.group(2).strip()
