"""What came of projects, in figures: the measures a council chooses, and each record made
against one. A record is never changed: a correction is a new record that replaces it, and a
withdrawn record stays in the history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .projects import Project


class Measure(TimeStampedModel):
    """Something a council counts across projects: people involved, hours given, money saved."""

    class Kind(models.TextChoices):
        NUMBER = "number", _("A number, such as people or hours")
        MONEY = "money", _("An amount of money, in pounds")
        BEFORE_AFTER = "before_after", _("A figure before and after the project")

    name = models.CharField(_("name"), max_length=80, unique=True)
    kind = models.CharField(_("what kind of figure"), max_length=20, choices=Kind.choices)
    unit = models.CharField(
        _("unit"),
        max_length=30,
        blank=True,
        help_text=_("For example: people, hours, kilograms of waste. Leave empty for money."),
    )
    description = models.CharField(_("what to count"), max_length=300, blank=True)
    is_active = models.BooleanField(_("projects can record it"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        permissions = [
            (
                "manage_measures",
                _("Can choose the measures of what changed and download every figure"),
            )
        ]

    def __str__(self) -> str:
        return self.name


class OutcomeRecord(models.Model):
    """One figure for one project over one period, with who recorded it and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="records")
    value = models.DecimalField(max_digits=12, decimal_places=2)  # "after" for before-and-after
    before = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes_recorded",
    )
    recorded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # History: the record this one corrects, and when and by whom this one stopped counting.
    replaces = models.OneToOneField(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="replaced_by"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)
    superseded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-period_end", "measure__position", "-pk"]
        indexes = [
            models.Index(fields=["project", "superseded_at"], name="outcome_project_current")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="outcome_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.value}"

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def shown(self) -> str:
        """The figure as people read it: "£1,250", "12 people", "40 to 25 kilograms"."""
        measure = self.measure
        if measure.kind == Measure.Kind.MONEY:
            return f"£{_number(self.value)}"
        unit = f" {measure.unit}" if measure.unit else ""
        if measure.kind == Measure.Kind.BEFORE_AFTER and self.before is not None:
            return _("%(before)s to %(after)s") % {
                "before": _number(self.before),
                "after": _number(self.value) + unit,
            }
        return _number(self.value) + unit


def _number(value) -> str:
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text
