"""Street champions: residents who look out for one or more streets and help neighbours
take part. A resident applies for streets, an officer says yes or no, and each yes becomes
one `StreetChampion` role per street, which ends when they step down or an officer ends it.
Two neighbours may share a street; a person has a cap on how many streets they hold.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Street


class ChampionApplication(TimeStampedModel):
    """A resident asking to champion some streets in one ward, and why."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Not approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion_applications"
    )
    streets = models.ManyToManyField(Street, related_name="champion_applications")
    why = models.TextField(_("why you want to be a street champion"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="champion_applications_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("approve_champion", _("Can approve and end street champions"))]
        constraints = [
            # One application waiting per person: a second click cannot make a second one.
            models.UniqueConstraint(
                fields=["applicant"],
                condition=models.Q(status="waiting"),
                name="champions_one_waiting_application",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="champion_app_status")]

    def __str__(self) -> str:
        return str(_("Application to be a street champion"))


class StreetChampion(TimeStampedModel):
    """One person championing one street, from approval until it ends."""

    class Ending(models.TextChoices):
        STEPPED_DOWN = "stepped_down", _("Stepped down")
        ENDED = "ended", _("Ended by the council")

    champion = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="street_champion_roles"
    )
    street = models.ForeignKey(Street, on_delete=models.CASCADE, related_name="champion_roles")
    application = models.ForeignKey(
        ChampionApplication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roles",
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ending = models.CharField(max_length=20, choices=Ending.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="street_champion_roles_ended",
    )
    end_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["street__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["champion", "street"],
                condition=models.Q(ended_at__isnull=True),
                name="champions_one_current_role_per_street",
            )
        ]
        indexes = [
            # Coverage reads which streets have a current champion from this index alone.
            models.Index(
                fields=["street"],
                condition=models.Q(ended_at__isnull=True),
                name="champion_current",
            ),
        ]

    def __str__(self) -> str:
        return str(self.street)

    @property
    def is_current(self) -> bool:
        return self.ended_at is None


class ChampionMessage(TimeStampedModel):
    """A message a resident sent a champion through the platform ("contact your champion")."""

    champion = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion_messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="champion_messages_sent",
    )
    street = models.ForeignKey(
        Street, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("your message"))
    share_email = models.BooleanField(_("share my email address"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Message to a street champion"))
