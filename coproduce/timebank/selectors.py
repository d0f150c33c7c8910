"""Reads of the time bank. Balances here come from the postings themselves."""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from coproduce.people.naming import may_see_name

from . import permissions
from .models import Account, Listing, Posting, Transfer


def balance_from_postings(account: Account) -> int:
    return Posting.objects.filter(account=account).aggregate(total=Coalesce(Sum("minutes"), 0))[
        "total"
    ]


def account_for_user(user) -> Account | None:
    return Account.objects.select_related("user").filter(user=user).first()


def account_detail(pk: int) -> Account | None:
    return Account.objects.select_related("user__profile", "organisation").filter(pk=pk).first()


def accounts_by_key(keys: list[int | str], *, holders: bool = True) -> dict[int | str, Account]:
    """Accounts by their numbers ("TB…") or their database keys, in one query; a key that
    finds no account is missing from the answer. With `holders=False` the holders are not
    loaded with them: a coordinator's transfer needs only the accounts, and leaving out three
    tables' columns is a good part of the cost of a transfer."""
    numbers_ = {key for key in keys if isinstance(key, str)}
    pks = {key for key in keys if isinstance(key, int)}
    found: dict[int | str, Account] = {}
    # Only the lookups asked for: an empty `__in` still costs the ORM a compile.
    match = Q()
    if numbers_:
        match |= Q(number__in=numbers_)
    if pks:
        match |= Q(pk__in=pks)
    if not match:
        return found
    accounts = Account.objects.filter(match)
    if holders:
        accounts = accounts.select_related("user__profile", "organisation")
    for account in accounts:
        if account.number in numbers_:
            found[account.number] = account
        if account.pk in pks:
            found[account.pk] = account
    return found


def account_by_number(number: str) -> Account | None:
    return (
        Account.objects.select_related("user__profile", "organisation")
        .filter(number=number)
        .first()
    )


def people_named(
    text: str, *, viewer, exclude: set[int] = frozenset(), limit: int = 10
) -> list[Account]:
    """Personal accounts whose holder's shown name contains `text`, as `viewer` may find them.

    Only names the viewer may see are searched (the one rule in people/naming.py), so
    someone who hides their name cannot be found by it (their account number still works).
    At most `limit` + 1 come back, so the caller can tell "too many" from "these".
    """
    text = " ".join(text.split())
    if not text:
        return []
    candidates = (
        Account.objects.select_related("user__profile")
        .filter(user__isnull=False, user__is_active=True, user__display_name__icontains=text)
        .exclude(pk__in=exclude)
        .order_by("user__display_name", "pk")
    )
    found: list[Account] = []
    # Read in small batches: most names match a handful, and hidden ones are skipped.
    for account in candidates[: limit * 20]:
        if may_see_name(account.user, viewer):
            found.append(account)
            if len(found) > limit:
                break
    return found


def holders_named(
    text: str, *, viewer, exclude: set[int] = frozenset(), limit: int = 10
) -> list[Account]:
    """People (as `people_named`) and then listed groups whose name contains `text`.

    A listed group's name is public, so any group account can be found by it."""
    people = people_named(text, viewer=viewer, exclude=exclude, limit=limit)
    if len(people) > limit:
        return people
    text = " ".join(text.split())
    groups = (
        Account.objects.select_related("organisation")
        .filter(organisation__is_listed=True, organisation__name__icontains=text)
        .exclude(pk__in=exclude)
        .order_by("organisation__name", "pk")[: limit + 1 - len(people)]
    )
    return [*people, *groups]


def largest_transfer_minutes(account: Account) -> int | None:
    """The most time this account has sent or received in one confirmed transfer, if any."""
    return Transfer.objects.filter(
        Q(from_account=account) | Q(to_account=account), status=Transfer.Status.POSTED
    ).aggregate(largest=Max("minutes"))["largest"]


def accounts_acted_for(user) -> list[Account]:
    """The person's own account, then those of the groups they organise."""
    groups = permissions.organised_group_ids(user)
    return list(
        Account.objects.select_related("user", "organisation")
        .filter(Q(user=user) | Q(organisation_id__in=groups))
        .order_by("organisation_id", "pk")
    )


def transfers_of(account: Account) -> QuerySet[Transfer]:
    return (
        Transfer.objects.filter(Q(from_account=account) | Q(to_account=account))
        .select_related("from_account__user__profile", "from_account__organisation")
        .select_related("to_account__user__profile", "to_account__organisation")
        .order_by("-created_at", "-pk")
    )


def pending_for(accounts: list[Account]) -> tuple[list[Transfer], list[Transfer]]:
    """(waiting for these accounts to confirm, asked by these accounts and still waiting)."""
    ids = [a.pk for a in accounts]
    pending = (
        Transfer.objects.filter(status=Transfer.Status.PENDING)
        .filter(Q(from_account_id__in=ids) | Q(to_account_id__in=ids))
        .select_related("from_account__user__profile", "from_account__organisation")
        .select_related("to_account__user__profile", "to_account__organisation")
        .select_related("requested_for__user__profile", "requested_for__organisation")
        .order_by("created_at", "pk")
    )
    to_confirm, asked = [], []
    for transfer in pending:
        (asked if transfer.requested_for_id in ids else to_confirm).append(transfer)
    return to_confirm, asked


def statement_rows(account: Account) -> Iterator[tuple]:
    """(posted at, transfer id, other account's number, description, minutes, balance)."""
    postings = (
        Posting.objects.filter(account=account)
        .select_related("transfer")
        .order_by("created_at", "pk")
    )
    running = 0
    others = dict(
        Posting.objects.filter(transfer__postings__account=account)
        .exclude(account=account)
        .values_list("transfer_id", "account__number")
    )
    for posting in postings.iterator(chunk_size=2000):
        running += posting.minutes
        yield (
            posting.created_at,
            posting.transfer_id,
            others.get(posting.transfer_id),
            posting.transfer.description,
            posting.minutes,
            running,
        )


def open_listings(kind: str = "") -> QuerySet[Listing]:
    listings = Listing.objects.filter(is_open=True).select_related(
        "account__user__profile", "account__organisation"
    )
    if kind:
        listings = listings.filter(kind=kind)
    return listings.order_by("-created_at", "-pk")


def month_start(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def coordinator_report(now: datetime | None = None) -> QuerySet[Account]:
    """Every account with its balance and the time it gave (earned) this month."""
    start = month_start(now)
    return (
        Account.objects.select_related("user__profile", "organisation")
        .annotate(
            given_this_month=Coalesce(
                Sum(
                    "postings__minutes",
                    filter=Q(postings__minutes__gt=0, postings__created_at__gte=start),
                ),
                0,
            ),
            transfer_count=Count("postings"),
        )
        .order_by("organisation_id", "pk")
    )


def ledger_totals() -> dict[str, int]:
    return {
        "sum_of_postings": Posting.objects.aggregate(t=Coalesce(Sum("minutes"), 0))["t"],
        "sum_of_balances": Account.objects.aggregate(t=Coalesce(Sum("balance"), 0))["t"],
        "transfers": Transfer.objects.filter(status=Transfer.Status.POSTED).count(),
    }


def transfers_of_any() -> QuerySet[Transfer]:
    return Transfer.objects.select_related(
        "from_account__user__profile",
        "from_account__organisation",
        "to_account__user__profile",
        "to_account__organisation",
    )


def minutes_by_month(*, since: datetime, ward_id: int | None = None) -> dict:
    """Minutes exchanged in confirmed transfers since `since`, by month they were confirmed
    (the first of the month as a date). For a ward: transfers to or from someone living there.
    One grouped query."""
    # A reversal and the transfer it undoes cancel out: neither is time exchanged.
    transfers = Transfer.objects.filter(
        status=Transfer.Status.POSTED,
        posted_at__gte=since,
        reverses__isnull=True,
        reversed_by__isnull=True,
    )
    if ward_id is not None:
        transfers = transfers.filter(
            Q(to_account__user__profile__ward_id=ward_id)
            | Q(from_account__user__profile__ward_id=ward_id)
        )
    rows = (
        transfers.order_by()
        .annotate(month=TruncMonth("posted_at"))
        .values("month")
        .annotate(minutes=Sum("minutes"))
    )
    return {timezone.localtime(row["month"]).date(): row["minutes"] for row in rows}
