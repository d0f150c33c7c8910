"""Asking someone to help run an event. They run it only once they say yes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .events import Event


class EventOrganiserInvitation(TimeStampedModel):
    """An invitation to co-organise or facilitate an event, waiting for the person's answer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organiser_invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_organiser_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status="pending"),
                name="event_organiser_invitation_pending_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.event} ({self.status})"

    @property
    def is_open(self) -> bool:
        """Waiting for a reply and not yet expired."""
        return self.status == self.Status.PENDING and self.expires_at > timezone.now()
