"""The counts behind "who is not yet connected": which rows make someone taking part or
linked, one query per page that counts people by ward or by street, and the version of the
data that the cached pages are keyed by. Read through selectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.conversations.models import Participant
from coproduce.discussion.models import Comment
from coproduce.gatherings.models import Rsvp
from coproduce.groups.models import Membership
from coproduce.people.models import Profile
from coproduce.places.models import Street, Ward
from coproduce.projects.models import Contribution, Owner
from coproduce.surveys.models import Response
from coproduce.timebank.models import Posting

from .models import WardPopulation

T = TypeVar("T")

TAKING_PART_DAYS = 365
CACHE_SECONDS = 300


# Each source: the rows, and the path from a row to the person's id.
def _taking_part_sources(since) -> list[tuple[QuerySet, str]]:
    return [
        (Comment.objects.filter(created_at__gte=since), "author_id"),
        (Contribution.objects.filter(created_at__gte=since), "person_id"),
        (Rsvp.objects.filter(created_at__gte=since), "user_id"),
        (Membership.objects.filter(created_at__gte=since), "user_id"),
        (Owner.objects.filter(created_at__gte=since), "user_id"),
        (Posting.objects.filter(created_at__gte=since), "account__user_id"),
        (Response.objects.filter(created_at__gte=since), "respondent_id"),
        (Participant.objects.filter(created_at__gte=since), "user_id"),
    ]


def _linked_sources() -> list[tuple[QuerySet, str]]:
    return [
        (Membership.objects.all(), "user_id"),
        (Contribution.objects.all(), "person_id"),
        (Owner.objects.all(), "user_id"),
        (Rsvp.objects.all(), "user_id"),
        (Posting.objects.all(), "account__user_id"),
    ]


def _person_ids(sources: list[tuple[QuerySet, str]], *, ward_id: int | None) -> tuple[str, list]:
    """One SELECT of person ids (repeats allowed) from every source, never NULL. For one
    ward, only its people's rows are read (through each table's index on the person)."""
    in_ward = (
        None
        if ward_id is None
        else Profile.objects.filter(ward_id=ward_id).order_by().values("user_id")
    )
    parts, params = [], []
    for queryset, path in sources:
        queryset = queryset.filter(**{f"{path}__isnull": False})
        if in_ward is not None:
            queryset = queryset.filter(**{f"{path}__in": in_ward})
        # No ORDER BY inside a UNION: models' default ordering is dropped.
        sql, part_params = queryset.order_by().values(uid=F(path)).query.sql_with_params()
        parts.append(sql)
        params.extend(part_params)
    return " UNION ALL ".join(parts), params


@dataclass(frozen=True)
class AreaCount:
    area_id: int | None
    people: int  # with a profile there
    taking_part: int
    not_linked: int


def area_counts(*, by: str, ward_id: int | None = None) -> dict[int | None, AreaCount]:
    """Count people per ward (by="ward_id") or per street of one ward (by="street_id").

    SQLite: each person is looked up in two sets of ids (IN builds each set once, as an
    index); a UNION joined as a table would be sorted, copied and indexed again. PostgreSQL
    hashes the joined UNIONs instead. Inactive accounts are few: they come from a partial
    index on the users table rather than a join to every user.
    """
    if by not in ("ward_id", "street_id"):
        raise ValueError(by)
    since = timezone.now() - timedelta(days=TAKING_PART_DAYS)
    active_sql, active_params = _person_ids(_taking_part_sources(since), ward_id=ward_id)
    linked_sql, linked_params = _person_ids(_linked_sources(), ward_id=ward_id)
    profile, user = Profile._meta.db_table, User._meta.db_table
    # Our own table name: nothing from a request.
    inactive = f"SELECT id FROM {user} WHERE NOT is_active"  # noqa: S608
    where, where_params = f"p.user_id NOT IN ({inactive})", []
    if ward_id is not None:
        where += " AND p.ward_id = %s"
        where_params.append(ward_id)
    # Every piece is a column or table name of ours, or SQL Django wrote with placeholders.
    if connection.vendor == "sqlite":
        sql = (
            f"SELECT p.{by}, COUNT(*),"  # noqa: S608
            f" SUM(CASE WHEN p.user_id IN ({active_sql}) THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN p.user_id IN ({linked_sql}) THEN 0 ELSE 1 END)"
            f" FROM {profile} p WHERE {where} GROUP BY p.{by}"
        )
    else:
        sql = (
            f"SELECT p.{by}, COUNT(*),"  # noqa: S608
            " SUM(CASE WHEN a.uid IS NULL THEN 0 ELSE 1 END),"
            " SUM(CASE WHEN l.uid IS NULL THEN 1 ELSE 0 END)"
            f" FROM {profile} p"
            f" LEFT JOIN (SELECT DISTINCT uid FROM ({active_sql}) s) a ON a.uid = p.user_id"
            f" LEFT JOIN (SELECT DISTINCT uid FROM ({linked_sql}) s) l ON l.uid = p.user_id"
            f" WHERE {where} GROUP BY p.{by}"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*active_params, *linked_params, *where_params])
        rows = cursor.fetchall()
    return {
        area: AreaCount(area, int(people), int(active or 0), int(alone or 0))
        for area, people, active, alone in rows
    }


def taking_part_by_month(*, since, ward_id: int | None = None) -> dict:
    """How many different people took part (as TAKING_PART_DAYS counts it) in each month
    since `since`: {first of the month as a date: people}. One query over the same sources;
    for a ward, only its people's rows. Deactivated accounts are left out."""
    parts, params = [], []
    in_ward = (
        None
        if ward_id is None
        else Profile.objects.filter(ward_id=ward_id).order_by().values("user_id")
    )
    for queryset, path in _taking_part_sources(since):
        queryset = queryset.filter(**{f"{path}__isnull": False})
        if in_ward is not None:
            queryset = queryset.filter(**{f"{path}__in": in_ward})
        sql, part_params = (
            queryset.order_by()
            .values(uid=F(path), month=TruncMonth("created_at"))
            .query.sql_with_params()
        )
        parts.append(sql)
        params.extend(part_params)
    # Our own table name and SQL Django wrote with placeholders: nothing from a request.
    inactive = f"SELECT id FROM {User._meta.db_table} WHERE NOT is_active"  # noqa: S608
    union = " UNION ALL ".join(parts)
    sql = (
        f"SELECT s.month, COUNT(DISTINCT s.uid) FROM ({union}) s"  # noqa: S608
        f" WHERE s.uid NOT IN ({inactive}) GROUP BY s.month"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found: dict = {}
    for month, people in rows:
        # SQLite gives text ("2026-03-01 00:00:00"), PostgreSQL a timestamp.
        key = _first_of_month(month)
        found[key] = found.get(key, 0) + int(people)
    return found


def _first_of_month(value) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value)
    return date(int(text[:4]), int(text[5:7]), 1)


def data_version() -> str:
    """Changes whenever a row that the counts read is added (or the newest one changes).
    One query of scalar subqueries, each answered from an index (a primary key, or for
    deactivated accounts a small partial index), except the newest profile change, which
    reads every profile until people_profile has an index on updated_at."""
    pieces = [
        (Profile, "MAX(updated_at)", ""),
        (Membership, "MAX(id)", ""),
        (Membership, "COUNT(*)", ""),
        (Rsvp, "MAX(updated_at)", ""),
        (Owner, "MAX(id)", ""),
        (Contribution, "MAX(id)", ""),
        (Comment, "MAX(id)", ""),
        (Posting, "MAX(id)", ""),
        (Response, "MAX(id)", ""),
        (Participant, "MAX(id)", ""),
        (WardPopulation, "MAX(updated_at)", ""),
        (Ward, "MAX(updated_at)", ""),
        (Street, "MAX(updated_at)", ""),
        (User, "MAX(id)", ""),
        (User, "COUNT(*)", " WHERE NOT is_active"),
    ]
    # Our own table names and fixed expressions: nothing from a request.
    columns = ", ".join(
        f"(SELECT {expression} FROM {model._meta.db_table}{where})"  # noqa: S608
        for model, expression, where in pieces
    )
    sql = f"SELECT {columns}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        values = cursor.fetchone()
    # "The last 12 months" moves on each day.
    return "|".join(str(value) for value in (*values, timezone.now().date()))


@dataclass(frozen=True)
class Kept:
    """Counts as they were worked out: for the data `version`, at `counted_at`."""

    version: str
    counted_at: datetime
    value: object


def cached(
    key: str,
    version: str,
    compute: Callable[[], T],
    *,
    settle_seconds: int = 0,
    now: datetime | None = None,
) -> tuple[T, datetime]:
    """The value `compute` gives, and when it was worked out: kept for CACHE_SECONDS while
    the data version stays the same.

    With `settle_seconds`, counts worked out less than that long ago are still given after
    the version moves on. The borough's counts take a few hundred milliseconds of the
    database; while residents are busy, each comment or RSVP moves the version, and every
    officer who opened the page counted again (ADR 0038).
    """
    full_key = f"insights:{key}"
    kept = cache.get(full_key)
    now = now or timezone.now()
    if kept is not None and (
        kept.version == version or (now - kept.counted_at).total_seconds() < settle_seconds
    ):
        return kept.value, kept.counted_at
    value = compute()
    cache.set(full_key, Kept(version, now, value), CACHE_SECONDS)
    return value, now
