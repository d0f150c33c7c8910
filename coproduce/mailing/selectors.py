"""Reads of mailing: how far a mailing has got, what went wrong, who must not be mailed."""

from django.db import connection
from django.db.models import Count, QuerySet

from coproduce.accounts.models import normalise_email

from .models import Delivery, Mailing, SuppressedAddress
from .types import Progress


def mailing_progress(mailing: Mailing) -> Progress:
    """Totals by state, in one query."""
    counts = dict(
        Delivery.objects.filter(mailing=mailing)
        .order_by()
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    state = Delivery.State
    return Progress(
        total=sum(counts.values()),
        sent=counts.get(state.SENT, 0),
        waiting=counts.get(state.WAITING, 0) + counts.get(state.CLAIMED, 0),
        failed=counts.get(state.FAILED, 0),
        bounced=counts.get(state.BOUNCED, 0),
        skipped=counts.get(state.SKIPPED, 0),
        started_at=mailing.started_at,
        finished_at=mailing.finished_at,
    )


def mailing_problems(mailing: Mailing, *, limit: int = 20) -> list[tuple[str, str, int]]:
    """What went wrong, grouped by the server's words: (state, reason, how many), most
    common first. Addresses are never shown."""
    rows = (
        Delivery.objects.filter(
            mailing=mailing, state__in=[Delivery.State.FAILED, Delivery.State.BOUNCED]
        )
        .order_by()
        .values_list("state", "error")
        .annotate(n=Count("id"))
        .order_by("-n", "state", "error")[:limit]
    )
    return [(state, error, n) for state, error, n in rows]


def mailings_recent(*, limit: int = 50) -> QuerySet[Mailing]:
    return Mailing.objects.order_by("-created_at", "-pk")[:limit]


def is_suppressed(address: str) -> bool:
    """Whether a hard bounce or a complaint is recorded for this address."""
    address = normalise_email(address) or ""
    return bool(address) and SuppressedAddress.objects.filter(address=address).exists()


def suppressed_sql(address: str) -> tuple[str, list]:
    """`is_suppressed` as SQL (a true-or-false expression and its parameters), for a query
    written out that asks it with something else: `notify` asks it for every notification."""
    table = connection.ops.quote_name(SuppressedAddress._meta.db_table)
    column = connection.ops.quote_name(SuppressedAddress._meta.get_field("address").column)
    address = normalise_email(address) or ""
    if not address:
        return "1 = 0", []
    return f"EXISTS (SELECT 1 FROM {table} WHERE {column} = %s)", [address]  # noqa: S608 (the model's names)
