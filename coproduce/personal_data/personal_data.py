"""Declarations for apps on this app's own floor that it imports (staff), so that they need
not import it back: the registry works from model labels alone.
"""

from django.utils.translation import gettext_lazy as _

from .registry import Erasure, declare
from .retention import declare_retention

declare(
    "staff.AuditEntry",
    field="actor",
    kind="staff_actions",
    erase=Erasure.KEEP,
    reason="The audit log of staff actions is append-only and kept for accountability.",
)
# An officer's API tokens are theirs: exported without the hash, and gone with the account.
declare(
    "staff.ApiToken", field="user", kind="api_tokens", erase=Erasure.DELETE, private=("digest",)
)
declare(
    "personal_data.DataExport",
    field="person",
    kind="data_exports",
    erase=Erasure.DELETE,
    private=("content",),
)
declare(
    "personal_data.DataExport",
    field="recipient",
    kind="data_exports_received",
    erase=Erasure.DELETE,
    private=("content",),
)
declare(
    "personal_data.AccountClosure",
    field="account",
    kind="account_closure",
    erase=Erasure.KEEP,
    reason="The record that the account was closed, and of what was kept and why.",
)


def _forget_old_exports(cutoff) -> int:
    from .models import DataExport

    return DataExport.objects.filter(created_at__lt=cutoff).delete()[0]


def _forget_finished_tasks(cutoff) -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()[0]


declare_retention(
    "data_exports",
    period="data_exports_days",
    what=_("Downloads of your data, and the links to them"),
    apply=_forget_old_exports,
)
declare_retention(
    "finished_tasks",
    period="finished_tasks_days",
    what=_("Records of emails sent and other background work"),
    apply=_forget_finished_tasks,
)
