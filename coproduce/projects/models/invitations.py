"""Asking someone to become an owner of a project. Nobody is an owner until they say yes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .projects import Owner, Project


class OwnerInvitation(TimeStampedModel):
    """An invitation to own a project, sent to an email address.

    `person` is the account with that address when there was one; without an account the
    invitation is kept all the same, so the person who asked cannot tell the difference.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="owner_invitations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Owner.Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Whether the person who asked was an officer: only then can a council role count.
    by_officer = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "email"],
                condition=Q(status="pending"),
                name="owner_invitation_pending_once",
            )
        ]
        indexes = [models.Index(fields=["person", "status"], name="owner_invitation_person")]

    def __str__(self) -> str:
        return f"{self.email} → {self.project} ({self.status})"

    @property
    def is_open(self) -> bool:
        """Waiting for a reply and not yet expired."""
        return self.status == self.Status.PENDING and self.expires_at > timezone.now()
