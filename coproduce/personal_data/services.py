"""Every write this app makes: asking for a data export, and closing an account.

Closing an account is in `closing.py`; it is called from here so views have one door.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.common.queue import task_enqueue_on_commit
from coproduce.staff.services import audit_record

from . import closing, tasks
from .models import AccountClosure, DataExport
from .permissions import can_answer_subject_access


@transaction.atomic
def export_request(*, person, recipient=None, reason: str = "") -> DataExport:
    """Queue a zip of everything held about `person`, to be emailed as a link to
    `recipient` (the person themself unless an officer asks). One export at a time is
    prepared for each person and recipient."""
    recipient = recipient or person
    if not person.is_active:
        raise Refusal(_("This account is closed."))
    if recipient.pk != person.pk and not reason.strip():
        raise Refusal(_("Say why you need this person's data."), field="reason")
    waiting = DataExport.objects.select_for_update().filter(
        person=person, recipient=recipient, status=DataExport.Status.QUEUED
    )
    if waiting.exists():
        raise Refusal(_("We are already preparing a download. We will email you when it is ready."))
    export = DataExport.objects.create(person=person, recipient=recipient, reason=reason.strip())
    task_enqueue_on_commit(tasks.export_build, export.pk)
    return export


def export_for_download(*, export_id: int | None, user) -> DataExport:
    """The ready export a link names, if it is this signed-in person's and has not expired."""
    export = DataExport.objects.filter(pk=export_id).first() if export_id else None
    if export is None or export.status != DataExport.Status.READY:
        raise Refusal(_("This download has expired or does not exist. Ask for a new one."))
    if export.recipient_id != user.pk:
        raise NotAllowed(_("This download was made for someone else."))
    if export.expires_at is None or export.expires_at <= timezone.now():
        raise Refusal(_("This download has expired. Ask for a new one."))
    return export


def account_close(*, user, remove_comments: bool) -> AccountClosure:
    """Close an account for good (see closing.account_close for what it guarantees)."""
    return closing.account_close(user=user, remove_comments=remove_comments)


# Subject access requests ------------------------------------------------------------------
# An officer downloads everything held about a person, found by email address, with a
# reason. Every request and every download goes in the staff audit log.


@transaction.atomic
def subject_access_request(*, officer, email: str, reason: str) -> DataExport:
    """Queue an export of the person with this email address, emailed to the officer as a
    link, and record who asked, for whom and why."""
    if not can_answer_subject_access(officer):
        raise NotAllowed(_("Only officers who answer subject access requests can do this."))
    person = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if person is None:
        raise Refusal(_("There is no account with this email address."), field="email")
    export = export_request(person=person, recipient=officer, reason=reason)
    audit_record(
        actor=officer,
        action="personal_data.subject_access_requested",
        target=f"person {person.pk}",
        detail={"export": export.pk, "reason": export.reason},
    )
    return export


@transaction.atomic
def subject_access_downloaded(*, officer, export: DataExport) -> None:
    """Record that an officer downloaded someone else's data."""
    audit_record(
        actor=officer,
        action="personal_data.subject_access_downloaded",
        target=f"person {export.person_id}",
        detail={"export": export.pk, "reason": export.reason},
    )
