"""Every write to the time bank ledger goes through here.

The guarantees: a transfer is posted as exactly two postings that sum to zero, in the same
transaction as the change to both accounts' cached balances; no account passes its limits,
even with many requests at once; postings are never changed or deleted.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify

from . import ledger_sql, permissions
from .hours import format_minutes
from .models import Account, Listing, Transfer

MAX_MINUTES = 24 * 60 * 7  # one transfer is at most a week of time


class LimitReached(Refusal):
    """The transfer would take an account past its limits (the JSON API answers 409)."""


# Accounts -------------------------------------------------------------------------------


def account_open_for_user(*, user) -> Account:
    """The person's account, opened with the default limits the first time."""
    account = Account.objects.filter(user=user).first()
    if account is not None:
        return account
    try:
        with transaction.atomic():
            return Account.objects.create(user=user)
    except IntegrityError:  # opened by another request at the same moment
        return Account.objects.get(user=user)


def account_open_for_organisation(*, organisation: Organisation) -> Account:
    account = Account.objects.filter(organisation=organisation).first()
    if account is not None:
        return account
    try:
        with transaction.atomic():
            return Account.objects.create(organisation=organisation)
    except IntegrityError:
        return Account.objects.get(organisation=organisation)


@transaction.atomic
def account_set_limits(*, actor, account: Account, min_balance: int, max_balance: int) -> Account:
    """Change an account's limits (coordinators only). Refuses limits the balance is past."""
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only time bank coordinators can change limits."))
    if min_balance > 0 or max_balance < 0:
        raise Refusal(_("The lowest balance must be 0 or less and the highest 0 or more."))
    locked = Account.objects.select_for_update().get(pk=account.pk)
    if not min_balance <= locked.balance <= max_balance:
        raise LimitReached(
            _("The balance is %(balance)s now, so the limits must include it.")
            % {"balance": format_minutes(locked.balance)}
        )
    locked.min_balance, locked.max_balance = min_balance, max_balance
    locked.save(update_fields=["min_balance", "max_balance", "updated_at"])
    return locked


# Transfers ------------------------------------------------------------------------------


def _check_amount(*, from_account: Account, to_account: Account, minutes, description: str):
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise Refusal(_("Enter a time of more than zero."))
    if minutes > MAX_MINUTES:
        raise Refusal(_("Enter a time of one week or less."))
    if from_account.pk == to_account.pk:
        raise Refusal(_("You cannot transfer time to the same account."))
    if not description.strip():
        raise Refusal(_("Say what the time was for."))
    if len(description.strip()) > 300:
        raise Refusal(_("Use 300 characters or fewer to say what the time was for."))


def _holders(account: Account) -> list:
    """The people who hear about an account: its holder, or its group's organisers."""
    if account.user_id:
        return [account.user]
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=account.organisation_id,
            role=Membership.Role.ORGANISER,
            user__is_active=True,
        ).select_related("user")
    ]


def _tell(account: Account, *, title, url: str, skip=None, kind: str = "timebank") -> None:
    """`title` is words, or a function of the recipient when it names someone to them.
    `kind` is "timebank_confirm" when the person must answer (sent straight away)."""
    for person in _holders(account):
        if skip is None or person.pk != skip.pk:
            words = title(person) if callable(title) else title
            notify(recipient=person, kind=kind, title=words, url=url)


def _post(transfer: Transfer, *, recorded_by) -> Transfer:
    """Post a transfer: two postings, and both balances moved within their limits.

    In the caller's transaction. The accounts are locked last, by the one statement that
    checks the limits and moves both balances, so the locks are held only until the commit
    that follows: with many requests at once, the time an account is locked is what limits
    how many transfers a second go through. A transfer not yet saved is saved here already
    posted (one write, not two); if a limit would be passed the transaction is rolled back,
    so nothing of it is kept.
    """
    minutes = transfer.minutes
    now = timezone.now()
    transfer.status = Transfer.Status.POSTED
    transfer.posted_at = now
    transfer.recorded_by = recorded_by
    if transfer.pk is None:
        transfer.save(force_insert=True)
    else:
        transfer.save(update_fields=["status", "posted_at", "recorded_by", "updated_at"])
    payer, payee = transfer.from_account_id, transfer.to_account_id
    ledger_sql.postings_insert(
        transfer_id=transfer.pk, payer=payer, payee=payee, minutes=minutes, now=now
    )
    if ledger_sql.balances_move(payer=payer, payee=payee, minutes=minutes, now=now) != 2:
        raise _limit_reached(payer=payer, payee=payee, now=now)
    return transfer


def _limit_reached(*, payer: int, payee: int, now) -> LimitReached:
    """Which side's limit stopped a transfer, in words, read before the transaction is rolled
    back. A side within its limit has already moved (its `updated_at` is `now`), so its
    balance is no longer what was checked: the payer is named only if it did not move."""
    accounts = Account.objects.select_related("user__profile", "organisation").in_bulk(
        [payer, payee]
    )
    if accounts[payer].updated_at != now:
        return LimitReached(
            _("%(name)s cannot give this much time: it would take their account past its limit.")
            % {"name": accounts[payer].holder_name}
        )
    return LimitReached(
        _("%(name)s cannot receive this much time: it would take their account past its limit.")
        % {"name": accounts[payee].holder_name}
    )


@transaction.atomic
def transfer_request(
    *,
    actor,
    account: Account,
    other: Account,
    minutes: int,
    description: str,
    gave: bool,
) -> Transfer:
    """Ask for time to be recorded between `account` (which `actor` acts for) and `other`.

    `gave` is True when the account's holder gave the time (and so earns it). Nothing is
    posted until someone acting for the other account confirms.
    """
    if not permissions.can_act_for(actor, account):
        raise NotAllowed(_("You cannot act for this account."))
    from_account, to_account = (other, account) if gave else (account, other)
    _check_amount(
        from_account=from_account, to_account=to_account, minutes=minutes, description=description
    )
    transfer = Transfer.objects.create(
        from_account=from_account,
        to_account=to_account,
        minutes=minutes,
        description=description.strip(),
        requested_by=actor,
        requested_for=account,
    )
    _tell(
        other,
        kind="timebank_confirm",
        title=lambda recipient: (
            _("%(name)s asked you to confirm %(time)s")
            % {"name": account.holder_name_for(recipient), "time": format_minutes(minutes)}
        ),
        url=reverse("timebank:pending"),
    )
    return transfer


def _locked_pending(transfer: Transfer) -> Transfer:
    locked = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if locked.status != Transfer.Status.PENDING:
        raise Refusal(_("This transfer is no longer waiting for confirmation."))
    return locked


def _other_side(transfer: Transfer) -> Account:
    if transfer.requested_for_id == transfer.from_account_id:
        return transfer.to_account
    return transfer.from_account


@transaction.atomic
def transfer_confirm(*, actor, transfer: Transfer) -> Transfer:
    """The other side confirms a pending transfer, which posts it (or refuses at a limit)."""
    transfer = _locked_pending(transfer)
    if not permissions.can_act_for(actor, _other_side(transfer)):
        raise NotAllowed(_("Only the other side can confirm this transfer."))
    _post(transfer, recorded_by=actor)
    _tell(
        transfer.requested_for,
        title=_("Your time was confirmed: %(time)s") % {"time": format_minutes(transfer.minutes)},
        url=reverse("timebank:home"),
    )
    return transfer


@transaction.atomic
def transfer_decline(*, actor, transfer: Transfer) -> Transfer:
    """The other side declines, or the side that asked withdraws; nothing is posted."""
    transfer = _locked_pending(transfer)
    if permissions.can_act_for(actor, _other_side(transfer)):
        transfer.status = Transfer.Status.DECLINED
        _tell(
            transfer.requested_for,
            title=_("Your request for %(time)s was declined")
            % {"time": format_minutes(transfer.minutes)},
            url=reverse("timebank:home"),
        )
    elif transfer.requested_for and permissions.can_act_for(actor, transfer.requested_for):
        transfer.status = Transfer.Status.CANCELLED
    else:
        raise NotAllowed(_("You cannot change this transfer."))
    transfer.save(update_fields=["status", "updated_at"])
    return transfer


@transaction.atomic
def transfer_record(
    *, actor, from_account: Account, to_account: Account, minutes: int, description: str
) -> Transfer:
    """A coordinator records time directly: posted at once, with the coordinator as recorder."""
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only time bank coordinators can record time directly."))
    _check_amount(
        from_account=from_account, to_account=to_account, minutes=minutes, description=description
    )
    transfer = Transfer(
        from_account=from_account,
        to_account=to_account,
        minutes=minutes,
        description=description.strip(),
        requested_by=actor,
    )
    return _post(transfer, recorded_by=actor)


@transaction.atomic
def transfer_award(
    *, actor, from_account: Account, to_account: Account, minutes: int, description: str
) -> Transfer:
    """Post time at once from a group's account to a person's, for time they gave the group.

    For time credits: the caller has already checked that `actor` may award it (a project's
    owner, an event's organiser). The time bank's own rules still hold here: the amount, the
    limits of both accounts (LimitReached), and never to the person who awards it.
    """
    if from_account.organisation_id is None or to_account.user_id is None:
        raise Refusal(_("Time credits go from a group's account to a person's account."))
    if to_account.user_id == getattr(actor, "pk", None):
        raise NotAllowed(_("You cannot give time credits to yourself."))
    _check_amount(
        from_account=from_account, to_account=to_account, minutes=minutes, description=description
    )
    transfer = Transfer(
        from_account=from_account,
        to_account=to_account,
        minutes=minutes,
        description=description.strip(),
        requested_by=actor,
        requested_for=from_account,
    )
    _post(transfer, recorded_by=actor)
    _tell(
        to_account,
        title=_("You have time credits: %(time)s") % {"time": format_minutes(minutes)},
        url=reverse("timebank:home"),
    )
    return transfer


@transaction.atomic
def transfer_reverse(*, actor, transfer: Transfer, reason: str) -> Transfer:
    """Put a mistake right with a new transfer the other way, linked to the one it reverses."""
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only time bank coordinators can reverse a transfer."))
    original = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if original.status != Transfer.Status.POSTED:
        raise Refusal(_("Only confirmed transfers can be reversed."))
    if original.reverses_id is not None:
        raise Refusal(_("A reversal cannot itself be reversed. Record a new transfer."))
    if Transfer.objects.filter(reverses=original).exists():
        raise Refusal(_("This transfer has already been reversed."))
    reason = reason.strip() or _("Correction")
    reversal = Transfer(
        from_account_id=original.to_account_id,
        to_account_id=original.from_account_id,
        minutes=original.minutes,
        description=(_("Reversal: %(reason)s") % {"reason": reason})[:300],
        requested_by=actor,
        reverses=original,
    )
    return _post(reversal, recorded_by=actor)


# Offers and requests ----------------------------------------------------------------------


@transaction.atomic
def listing_create(*, actor, account: Account, kind: str, title: str, description: str = ""):
    if not permissions.can_act_for(actor, account):
        raise NotAllowed(_("You cannot act for this account."))
    if kind not in Listing.Kind.values:
        raise Refusal(_("Choose whether you are offering or asking for help."))
    if not title.strip():
        raise Refusal(_("Enter a title."))
    return Listing.objects.create(
        account=account, kind=kind, title=title.strip()[:120], description=description.strip()
    )


@transaction.atomic
def listing_close(*, actor, listing: Listing) -> Listing:
    if not (permissions.can_act_for(actor, listing.account) or permissions.is_coordinator(actor)):
        raise NotAllowed(_("You cannot close this."))
    listing.is_open = False
    listing.save(update_fields=["is_open", "updated_at"])
    return listing
