"""Figures a restore must reproduce exactly, beyond row counts: the time bank's ledger."""

from django.db.models import Count, Sum
from django.db.models.functions import Abs

from coproduce.timebank.models import Account, Posting


def ledger_totals() -> dict[str, int]:
    postings = Posting.objects.aggregate(
        count=Count("pk"), net=Sum("minutes"), moved=Sum(Abs("minutes"))
    )
    accounts = Account.objects.aggregate(count=Count("pk"), balances=Sum("balance"))
    return {
        "timebank_postings": postings["count"],
        "timebank_postings_net_minutes": postings["net"] or 0,
        "timebank_minutes_moved": postings["moved"] or 0,
        "timebank_accounts": accounts["count"],
        "timebank_balances_minutes": accounts["balances"] or 0,
    }
