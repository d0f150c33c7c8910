"""Time credits: hours recorded in the time bank for helping a project or running a gathering.

A credit is the record of one transfer from a group's time account to a person, for one
thing they did: an accepted offer or volunteering on a project ("contribution:<pk>"), or
helping run an event ("event:<pk>"). The database holds one credit per person per thing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class Credit(TimeStampedModel):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="time_credits"
    )
    # What the credit is for, as a key: "contribution:12" or "event:5". Unique with the
    # person, so two owners confirming at the same moment make one credit, not two.
    thing = models.CharField(max_length=40)
    # What it was, kept in words: the project or event may later be taken down.
    title = models.CharField(_("what it was for"), max_length=300)
    contribution = models.ForeignKey(
        "projects.Contribution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="time_credits",
    )
    event = models.ForeignKey(
        "gatherings.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="time_credits",
    )
    group = models.ForeignKey(
        "groups.Organisation", on_delete=models.PROTECT, related_name="time_credits_given"
    )
    minutes = models.PositiveIntegerField(_("minutes"))
    transfer = models.OneToOneField(
        "timebank.Transfer", on_delete=models.PROTECT, related_name="time_credit"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="time_credits_confirmed",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "thing"], name="credits_once_per_thing"),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="credits_minutes_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} minutes for {self.thing}"


class CreditChoice(TimeStampedModel):
    """A person's choice about time credits. With no row, they are happy to receive them."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="time_credit_choice"
    )
    wants_credits = models.BooleanField(_("I would like time credits"), default=True)

    def __str__(self) -> str:
        return f"wants credits: {self.wants_credits}"
