"""Invitations to help with a need. Needs themselves belong to projects (projects.models)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.projects.models import Need


class Invitation(TimeStampedModel):
    """An invitation to help with a need, sent through the service.

    The person's contact details reach the asker only once the person accepts.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_received"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    responded_at = models.DateTimeField(null=True, blank=True)
    # When it was last sent (again): what the daily allowance counts (permissions.py).
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("match_any_need", _("Can see who could help with any need"))]
        constraints = [
            models.UniqueConstraint(fields=["need", "person"], name="invitation_once_per_need")
        ]
        indexes = [
            models.Index(fields=["person", "status"], name="invitation_person_status"),
            models.Index(fields=["invited_by", "sent_at"], name="invitation_sender_day"),
        ]

    def __str__(self) -> str:
        return f"{self.need} → {self.person}"
