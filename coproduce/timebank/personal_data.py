"""What the time bank holds about a person (see coproduce/personal_data/registry.py).

The ledger must always balance, so a closing account's time account and every posting stay,
pointing to an account with no name. Safeguarding records (checks, requests for a buddy and
pairings) are kept for the period the retention policy sets (RETENTION["safeguarding_days"]),
then the daily retention run removes them.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.models import AccountClosure
from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention

from .models import BuddyRequest, Listing, Pairing, VolunteerCheck

LEDGER = "The ledger must balance: postings stay, against an account that names no one."
SAFEGUARDING = (
    "Safeguarding record: kept for the period in the retention policy, then removed by the "
    "daily retention run."
)


def _close_listings(user, choices: ClosingChoices) -> None:
    Listing.objects.filter(account__user=user).delete()


def _close_buddy_requests(user, choices: ClosingChoices) -> None:
    # Kept for safeguarding, but no longer open: nobody is asked to help a closed account.
    BuddyRequest.objects.filter(resident=user).exclude(status=BuddyRequest.Status.CLOSED).update(
        status=BuddyRequest.Status.CLOSED
    )


declare("timebank.Account", field="user", kind="time_account", erase=Erasure.KEEP, reason=LEDGER)
declare(
    "timebank.Posting",
    field="account__user",
    kind="time_postings",
    erase=Erasure.KEEP,
    reason=LEDGER,
)
declare(
    "timebank.Transfer",
    field="requested_by",
    kind="time_transfers_requested",
    erase=Erasure.KEEP,
    reason=LEDGER,
)
declare(
    "timebank.Transfer",
    field="recorded_by",
    kind="time_transfers_recorded",
    erase=Erasure.KEEP,
    reason=LEDGER,
)
declare(
    "timebank.Listing",
    field="account__user",
    kind="time_offers_and_requests",
    erase=Erasure.CUSTOM,
    erase_with=_close_listings,
)
declare(
    "timebank.VolunteerCheck",
    field="person",
    kind="volunteer_checks",
    erase=Erasure.KEEP,
    reason=SAFEGUARDING,
)
declare(
    "timebank.VolunteerCheck",
    field="recorded_by",
    kind="volunteer_checks_recorded",
    erase=Erasure.KEEP,
    reason=SAFEGUARDING,
)
declare(
    "timebank.BuddyRequest",
    field="resident",
    kind="buddy_requests",
    erase=Erasure.CUSTOM,
    erase_with=_close_buddy_requests,
    reason=SAFEGUARDING,
)
declare(
    "timebank.Pairing",
    field="volunteer",
    kind="buddy_pairings",
    erase=Erasure.KEEP,
    reason=SAFEGUARDING,
)
declare(
    "timebank.Pairing",
    field="approved_by",
    kind="buddy_pairings_approved",
    erase=Erasure.KEEP,
    reason=SAFEGUARDING,
)
declare(
    "timebank.Pairing",
    field="ended_by",
    kind="buddy_pairings_ended",
    erase=Erasure.KEEP,
    reason=SAFEGUARDING,
)


def _forget_safeguarding_of_closed_accounts(cutoff) -> int:
    closed = AccountClosure.objects.filter(closed_at__lt=cutoff).values("account_id")
    pairings = Pairing.objects.filter(Q(volunteer__in=closed) | Q(request__resident__in=closed))
    removed = pairings.delete()[0]
    removed += BuddyRequest.objects.filter(resident__in=closed).delete()[0]
    removed += VolunteerCheck.objects.filter(person__in=closed).delete()[0]
    return removed


declare_retention(
    "safeguarding",
    period="safeguarding_days",
    what=_(
        "Safety records of a closed account: volunteer checks, buddy requests and pairings, "
        "counted from the day the account closed"
    ),
    apply=_forget_safeguarding_of_closed_accounts,
)
