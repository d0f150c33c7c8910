"""What people bring to a project: offers, proposed actions and volunteering."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.skills.models import Skill

from .needs import Need
from .projects import Project


class VolunteerRole(TimeStampedModel):
    """A role people can volunteer for, such as "Stall helper on the day"."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(_("role"), max_length=150)
    description = models.TextField(_("what it involves"), blank=True)
    places = models.PositiveSmallIntegerField(_("how many people"), default=1)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class Contribution(TimeStampedModel):
    """An offer, a proposed action ("I will ...") or a volunteer, waiting for the owners."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        PROPOSAL = "proposal", _("Proposed action")
        VOLUNTEER = "volunteer", _("Volunteer")

    class Offering(models.TextChoices):
        SKILLS = "skills", _("My skills")
        TIME = "time", _("My time")
        RESOURCE = "resource", _("A thing or materials")
        SPACE = "space", _("A space")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the owners")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        DONE = "done", _("Done")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contributions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    offering = models.CharField(max_length=20, choices=Offering.choices, blank=True)
    need = models.ForeignKey(
        Need,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
    )
    role = models.ForeignKey(
        VolunteerRole,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers",
    )
    proposal = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers",
        help_text=_("For volunteers: the proposed action they will help with."),
    )
    skill = models.ForeignKey(Skill, on_delete=models.SET_NULL, null=True, blank=True)
    hours = models.PositiveSmallIntegerField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    message = models.TextField(_("message"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "kind", "status"], name="contribution_list")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="proposal") | models.Q(due_on__isnull=False),
                name="proposal_has_a_date",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gt=0),
                name="contribution_hours_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.person} for {self.project}"

    @property
    def next_step(self) -> str:
        """What happens after the owners accept: plain words for the person."""
        if self.role_id is not None:
            return _(
                "You have a place as %(role)s. The owners will tell you when and where. "
                "You can send them a message now."
            ) % {"role": self.role.title}
        return _(
            "The owners will get in touch through this site to agree the details. "
            "You can send them a message now."
        )


# Offers and volunteers the owners took: they are listed as helping and fill a role's places.
HELPING = (Contribution.Status.ACCEPTED, Contribution.Status.DONE)


class Update(TimeStampedModel):
    """News from a project's owners; followers are told."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("what is new"))

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Resource(TimeStampedModel):
    """Something a project already has: money, materials, a space, people."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("what it is"), max_length=150)
    description = models.CharField(_("more about it"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
