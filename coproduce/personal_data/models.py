from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class DataExport(TimeStampedModel):
    """A zip of everything held about one person, built by a task.

    The file is kept in the database, never under a public address: only its recipient can
    download it, signed in, through a link that expires. A person asks for their own; an
    officer may ask for someone's (a subject access request), with a reason.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    # Who gets the link: the person themself, or the officer who asked for it.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    content = models.BinaryField(editable=False, default=b"")
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["expires_at"], name="data_export_expires")]
        permissions = [
            (
                "answer_subject_access",
                _("Can download a person's data to answer a subject access request"),
            )
        ]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.status})"

    @property
    def for_someone_else(self) -> bool:
        return self.person_id != self.recipient_id


class AccountClosure(models.Model):
    """That an account was closed, when, and what was kept of it and why.

    It names no one: the account it points to has been emptied.
    """

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="closure"
    )
    closed_at = models.DateTimeField()
    comments_removed = models.BooleanField(default=False)
    # [{"model": "timebank.Posting", "field": "account__user", "rows": 12, "reason": "..."}]
    kept = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"Account {self.account_id} closed {self.closed_at:%Y-%m-%d}"
