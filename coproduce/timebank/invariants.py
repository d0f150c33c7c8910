"""The ledger's invariants, checked straight in the database. Shared by tests and benchmark."""

from django.db.models import Count, Sum

from coproduce.timebank.models import Account, Posting, Transfer


def ledger_problems(acknowledged_ids: set[int] | None = None) -> list[str]:
    """Every way the ledger breaks its promises; an empty list means all is well."""
    problems = []
    total = Account.objects.aggregate(t=Sum("balance"))["t"] or 0
    if total != 0:
        problems.append(f"sum of all balances is {total}, not 0")
    sums = dict(
        Posting.objects.values("account_id")
        .annotate(t=Sum("minutes"))
        .values_list("account_id", "t")
    )
    for account in Account.objects.all().iterator():
        from_postings = sums.get(account.pk, 0)
        if account.balance != from_postings:
            problems.append(
                f"account {account.pk}: balance {account.balance} but postings sum {from_postings}"
            )
        if not account.min_balance <= from_postings <= account.max_balance:
            problems.append(
                f"account {account.pk}: {from_postings} is outside "
                f"{account.min_balance}..{account.max_balance}"
            )
    bad = (
        Transfer.objects.filter(status=Transfer.Status.POSTED)
        .annotate(n=Count("postings"), t=Sum("postings__minutes"))
        .exclude(n=2, t=0)
        .values_list("pk", "n", "t")[:20]
    )
    problems.extend(f"transfer {pk}: {n} postings summing to {t}" for pk, n, t in bad)
    orphans = Posting.objects.exclude(transfer__status=Transfer.Status.POSTED).count()
    if orphans:
        problems.append(f"{orphans} postings belong to transfers that are not posted")
    if acknowledged_ids:
        found = set(
            Transfer.objects.filter(
                pk__in=acknowledged_ids, status=Transfer.Status.POSTED
            ).values_list("pk", flat=True)
        )
        missing = acknowledged_ids - found
        if missing:
            problems.append(
                f"{len(missing)} acknowledged transfers are missing: {sorted(missing)[:10]}"
            )
    return problems
