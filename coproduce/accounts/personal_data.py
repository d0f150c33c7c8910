"""What the accounts app holds about a person (see coproduce/personal_data/registry.py).

The account itself stays when it is closed, with nothing left that names the person: rows
elsewhere that must outlive it (the time bank's ledger, safeguarding records) still point
somewhere, and that somewhere says nothing about who it was.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention


def closed_email(user_id: int) -> str:
    """An address nobody can receive mail at or sign in with (.invalid never resolves)."""
    return f"closed-account-{user_id}@closed.invalid"


def _erase_account(user, choices: ClosingChoices) -> None:
    from axes.models import AccessAttempt, AccessLog
    from django_tasks_db.models import DBTaskResult

    old_email = user.email
    user.email = closed_email(user.pk)
    user.display_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.email_verified_at = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    if not old_email:
        return  # registered with no address (not online): no sign-ins or emails to clear
    # Sign-in attempts are kept by address; they go with the account.
    AccessAttempt.objects.filter(username__iexact=old_email).delete()
    AccessLog.objects.filter(username__iexact=old_email).delete()
    # Records of emails already sent hold the address; those still to send are left to go.
    DBTaskResult.objects.filter(
        finished_at__isnull=False, args_kwargs__icontains=old_email
    ).delete()


def _export_account(user) -> list[dict]:
    user = get_user_model().objects.get(pk=user.pk)
    return [
        {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "is_active": user.is_active,
            "email_verified_at": user.email_verified_at.isoformat()
            if user.email_verified_at
            else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        }
    ]


declare(
    "accounts.User",
    field="pk",
    kind="account",
    erase=Erasure.CUSTOM,
    erase_with=_erase_account,
    export_with=_export_account,
    reason="The account row stays, emptied, so records that must be kept point to no one.",
)


def _forget_unconfirmed(cutoff) -> int:
    """Delete accounts whose email address was never confirmed, made before the cut-off.
    One that something must outlive (a time bank posting) is left for a person to close."""
    from django.db import transaction
    from django.db.models import ProtectedError, RestrictedError

    removed = 0
    unconfirmed = get_user_model().objects.filter(
        is_active=True,
        is_staff=False,
        is_superuser=False,
        email_verified_at__isnull=True,
        date_joined__lt=cutoff,
    )
    for user in unconfirmed.iterator():
        try:
            with transaction.atomic():
                user.delete()
        except (ProtectedError, RestrictedError):
            continue
        removed += 1
    return removed


declare_retention(
    "unconfirmed_accounts",
    period="unconfirmed_accounts_days",
    what=_("Accounts whose email address was never confirmed"),
    apply=_forget_unconfirmed,
)
