from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .kinds import Frequency


class Notification(TimeStampedModel):
    """Something a person is told about, shown in the service and perhaps emailed."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.SlugField(_("kind"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # How this one is emailed, fixed when it is made, so a later change of preference does
    # not pull it into (or out of) a digest already being put together.
    email_frequency = models.CharField(max_length=20, choices=Frequency.choices)
    # Straight away: when its own email went (the worker sets it after the send). Daily: when
    # a summary took it, sent or passed over because the person cannot be emailed, so each
    # is dealt with once. Written only by emails.notifications_emailed_mark.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_newest"),
            models.Index(
                fields=["email_frequency", "emailed_at"],
                name="notif_digest_pending",
                condition=models.Q(email_frequency="daily", emailed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(TimeStampedModel):
    """How a person wants one kind of notification emailed, if not the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.SlugField(_("kind"), max_length=50)
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_preference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.frequency}"
