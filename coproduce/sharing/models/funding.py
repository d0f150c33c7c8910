"""Funding rounds from funders, who follows them, and the applications groups make."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward
from coproduce.projects.themes import Theme


class Funder(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FundingOpportunity(TimeStampedModel):
    """One funding round. Open until its deadline passes; nobody has to close it by hand."""

    funder = models.ForeignKey(
        Funder, on_delete=models.PROTECT, related_name="opportunities", verbose_name=_("funder")
    )
    title = models.CharField(_("title"), max_length=200)
    what_it_funds = models.TextField(_("what it funds"))
    eligibility = models.TextField(_("who can apply"), blank=True)
    min_amount = models.PositiveIntegerField(_("smallest grant in pounds"), null=True, blank=True)
    max_amount = models.PositiveIntegerField(_("largest grant in pounds"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    release_date = models.DateField(_("date the money is released"), null=True, blank=True)
    link = models.URLField(_("link to apply"), max_length=500, blank=True)
    borough_wide = models.BooleanField(_("open to the whole borough"), default=True)
    wards = models.ManyToManyField(Ward, blank=True, related_name="funding_opportunities")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name_plural = _("funding opportunities")
        indexes = [models.Index(fields=["deadline"], name="funding_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_amount__isnull=True)
                | Q(max_amount__isnull=True)
                | Q(min_amount__lte=models.F("max_amount")),
                name="sharing_funding_min_not_above_max",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        return self.deadline > (now or timezone.now())

    @property
    def status(self) -> str:
        return "open" if self.is_open() else "closed"

    def theme_labels(self) -> list[str]:
        names = dict(Theme.choices)
        return [str(names[t.theme]) for t in self.themes.all() if t.theme in names]


class FundingTheme(models.Model):
    """A theme a round funds. A row per theme, so filtering works the same on every database."""

    opportunity = models.ForeignKey(
        FundingOpportunity, on_delete=models.CASCADE, related_name="themes"
    )
    theme = models.CharField(max_length=20, choices=Theme.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "theme"], name="sharing_theme_once")
        ]
        indexes = [models.Index(fields=["theme", "opportunity"], name="funding_theme")]

    def __str__(self) -> str:
        return self.theme


class FundingFollow(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="funding_follows"
    )
    opportunity = models.ForeignKey(
        FundingOpportunity, on_delete=models.CASCADE, related_name="follows"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "opportunity"], name="sharing_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.opportunity}"


class FundingReminder(models.Model):
    """A reminder sent to one follower. The unique row is what stops a second copy."""

    class Kind(models.TextChoices):
        FOURTEEN_DAYS = "14_days", _("14 days before the deadline")
        TWO_DAYS = "2_days", _("2 days before the deadline")

    follow = models.ForeignKey(FundingFollow, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follow", "kind"], name="sharing_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for {self.follow}"


class FundingApplication(TimeStampedModel):
    """That a group or project applied to a round, and what came of it."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        SUCCESSFUL = "successful", _("Successful")
        UNSUCCESSFUL = "unsuccessful", _("Unsuccessful")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    opportunity = models.ForeignKey(
        FundingOpportunity, on_delete=models.CASCADE, related_name="applications"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="funding_applications",
        verbose_name=_("group"),
    )
    project_name = models.CharField(_("project name"), max_length=200, blank=True)
    # Hook for projects: the id of a projects.Project once applications are recorded from
    # projects. Becomes a ForeignKey then; nothing sets it yet.
    # The project the money is for, when it is one of ours.
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_applications",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED
    )
    amount_requested = models.PositiveIntegerField(_("amount asked for in pounds"))
    amount_awarded = models.PositiveIntegerField(
        _("amount awarded in pounds"), null=True, blank=True
    )
    outcome_notes = models.TextField(_("notes on the outcome"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(project_name=""),
                name="sharing_application_has_applicant",
            )
        ]

    def __str__(self) -> str:
        return f"{self.applicant} to {self.opportunity}"

    @property
    def applicant(self) -> str:
        return self.organisation.name if self.organisation_id else self.project_name
