"""Closing an account: what every app declared is erased, kept or anonymised.

The account row stays, emptied (accounts' declaration runs last), so what must be kept (the
time bank's ledger, safeguarding records, the moderation and audit logs) points to an
account that names no one. What was kept, and why, is recorded on an `AccountClosure`.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal

from .models import AccountClosure
from .registry import ClosingChoices, Declaration, Erasure, closing_blockers, declarations


def _erase(declaration: Declaration, user, choices: ClosingChoices) -> dict | None:
    """Apply one declaration; return what was kept and why, if anything was."""
    if declaration.erase is Erasure.DELETE:
        declaration.rows(user).delete()
    elif declaration.erase is Erasure.ANONYMISE:
        declaration.rows(user).update(**(declaration.clear or {declaration.link: None}))
    elif declaration.erase is Erasure.CUSTOM:
        declaration.erase_with(user, choices)
    if not declaration.reason:
        return None
    kept = declaration.rows(user).count()
    if not kept:
        return None
    return {
        "model": declaration.model,
        "field": declaration.field,
        "rows": kept,
        "reason": declaration.reason,
    }


@transaction.atomic
def account_close(*, user, remove_comments: bool, now: datetime | None = None) -> AccountClosure:
    """Close this person's account for good.

    Guarantees: nothing is changed if anything stands in the way (a group they alone
    organise); their name, email address, password and profile are gone; their places at
    events are let go; their comments stay unnamed or are removed, as they chose; the time
    bank still balances; what is kept is recorded with the reason.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not user.is_active or hasattr(user, "closure"):
        raise Refusal(_("This account is already closed."))
    blockers = closing_blockers(user)
    if blockers:
        raise Refusal(blockers[0].message)
    choices = ClosingChoices(remove_comments=remove_comments)
    kept = []
    # The highest apps first, so what leans on lower apps goes before them; the account
    # itself (accounts, the lowest) is emptied last.
    for declaration in reversed(declarations()):
        record = _erase(declaration, user, choices)
        if record is not None and record["model"] != "accounts.User":
            kept.append(record)
    return AccountClosure.objects.create(
        account=user,
        closed_at=now or timezone.now(),
        comments_removed=remove_comments,
        kept=kept,
    )
