"""The query parameters of the Open Referral UK `/services` endpoint, read and checked.

Names follow the ORUK 3.0 API (uk-profile schema/openapi.json) and the HSDS 3.0 API it
profiles: `search` (full text; `text`, its name in ORUK 1.0 and 2.0, is read too), `page`,
`per_page`, `taxonomy_term_id`, `taxonomy_id`, `modified_after`, `minimum_age`,
`maximum_age`, `day`, `start_time` and `end_time`. A value that cannot be used raises
`QueryError` with a plain message; the view answers 400 with it. Parameters the standard
names but we do not filter by (`format`, `full`, `minimal`) are accepted and ignored, as an
ORUK reader may always send them; every service is sent in full.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.http import QueryDict

from coproduce.common import week
from coproduce.common.dates.parsing import DateError, parse_day, parse_instant
from coproduce.common.numbers import NumberError, whole_number

from .models import MAX_AGE
from .oruk import Paging, PagingError

MAX_SEARCH = 100
_CLOCK = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")


class QueryError(PagingError):
    """A query parameter that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ServiceQuery:
    paging: Paging = field(default_factory=Paging)
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    day: str = ""
    start_time: time | None = None
    end_time: time | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> "ServiceQuery":
        search = query.get("search", query.get("text", "")).strip()
        if len(search) > MAX_SEARCH:
            raise QueryError(f"search must be {MAX_SEARCH} characters or fewer")
        return cls(
            paging=Paging.from_query(query),
            search=search,
            taxonomy_term_id=_uuid(query.get("taxonomy_term_id"), "taxonomy_term_id"),
            taxonomy_id=_uuid(query.get("taxonomy_id"), "taxonomy_id"),
            modified_after=_instant(query.get("modified_after")),
            minimum_age=_age(query.get("minimum_age"), "minimum_age"),
            maximum_age=_age(query.get("maximum_age"), "maximum_age"),
            day=_day(query.get("day")),
            start_time=_clock(query.get("start_time"), "start_time"),
            end_time=_clock(query.get("end_time"), "end_time"),
        )


def _uuid(raw: str | None, name: str) -> uuid.UUID | None:
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise QueryError(f"{name} must be a uuid, such as one from this API") from None


def _instant(raw: str | None) -> datetime | None:
    """An ISO 8601 date and time with its offset, or a date (from midnight UTC).

    An unencoded "+01:00" in a query string arrives as " 01:00", so a space there is read
    as the plus it was.
    """
    if not raw:
        return None
    text = raw.strip()
    try:
        if len(text) == 10:
            return datetime.combine(parse_day(text, name="modified_after"), time(), tzinfo=UTC)
        return parse_instant(text.replace(" ", "+"), name="modified_after")
    except DateError as problem:
        raise QueryError(str(problem)) from None


def _age(raw: str | None, name: str) -> int | None:
    if raw is None or raw == "":
        return None
    try:
        return whole_number(raw, name=name, minimum=0, maximum=MAX_AGE)
    except NumberError:
        raise QueryError(f"{name} must be a whole number from 0 to {MAX_AGE}") from None


def _day(raw: str | None) -> str:
    """A day of the week as its iCalendar code ("MO"); full English names are read too."""
    if not raw:
        return ""
    text = raw.strip()
    for day in week.WEEK:
        if text.upper() == day.oruk or text.lower() == day.name.lower():
            return day.oruk
    raise QueryError("day must be one of MO, TU, WE, TH, FR, SA, SU")


def _clock(raw: str | None, name: str) -> time | None:
    if not raw:
        return None
    match = _CLOCK.fullmatch(raw.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        raise QueryError(f"{name} must be a time of day, such as 09:30")
    return time(int(match[1]), int(match[2]), int(match[3] or 0))
