from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Ward
from coproduce.skills.models import Skill


class Need(TimeStampedModel):
    """Something a project needs from people: skills, at some times, somewhere.

    A need stands alone for now; projects, when they come, will point to their needs.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="needs"
    )
    title = models.CharField(_("what is needed"), max_length=200)
    description = models.TextField(_("more about it"), blank=True)
    skills = models.ManyToManyField(Skill, related_name="needs", verbose_name=_("skills"))
    # Day codes ("mon".."sun") and times of day ("morning", ...), as on profiles.
    days = models.JSONField(_("days"), default=list, blank=True)
    times = models.JSONField(_("times of day"), default=list, blank=True)
    # The project this need is for, if any (a need can also stand alone).
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="needs",
    )
    hours = models.PositiveIntegerField(_("hours needed"), null=True, blank=True)
    is_met = models.BooleanField(_("met"), default=False)
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="needs"
    )
    online_ok = models.BooleanField(_("can be done online"), default=False)
    needs_step_free = models.BooleanField(_("needs a step-free place"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_by", "status"], name="need_owner_status")]

    def __str__(self) -> str:
        return self.title


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

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["need", "person"], name="invitation_once_per_need")
        ]
        indexes = [models.Index(fields=["person", "status"], name="invitation_person_status")]

    def __str__(self) -> str:
        return f"{self.need} → {self.person}"
