"""What a project, or someone on their own, needs from people: skills, at some times, somewhere.

Needs were first kept by matching; the table keeps its name (`matching_need`) so moving the
model here moved no data. Matching reads needs to rank people and places for them; only
projects.services.needs writes them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Ward
from coproduce.skills.models import Skill

from .projects import Project


class Need(TimeStampedModel):
    """Something needed from people. It belongs to a project, or stands alone when someone
    asks from the matching pages."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        # The asker stopped inviting people; a project still lists the need until it is met.
        CLOSED = "closed", _("Closed")
        # Met: closed to invitations, and no longer listed among its project's needs.
        MET = "met", _("Met")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="needs"
    )
    title = models.CharField(_("what is needed"), max_length=200)
    description = models.TextField(_("more about it"), blank=True)
    skills = models.ManyToManyField(
        Skill, related_name="needs", verbose_name=_("skills"), db_table="matching_need_skills"
    )
    # Day codes ("mon".."sun") and times of day ("morning", ...), as on profiles.
    days = models.JSONField(_("days"), default=list, blank=True)
    times = models.JSONField(_("times of day"), default=list, blank=True)
    # The project this need is for, if any (a need can also stand alone).
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="needs"
    )
    hours = models.PositiveIntegerField(_("hours needed"), null=True, blank=True)
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="needs"
    )
    online_ok = models.BooleanField(_("can be done online"), default=False)
    needs_step_free = models.BooleanField(_("needs a step-free place"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        db_table = "matching_need"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_by", "status"], name="need_owner_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Whether people may still be invited to help with it."""
        return self.status == self.Status.OPEN


# Needs a project still lists (and offers can be for): every one not yet met.
NOT_MET = (Need.Status.OPEN, Need.Status.CLOSED)
