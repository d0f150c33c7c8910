"""Sending one email to many people: a mailing, one delivery per address, and the addresses
that must never be mailed again (a hard bounce or a complaint).

How a delivery moves (docs/adr/0017-sending-to-many-people.md):
waiting -> claimed (a batch holds it until `claimed_until`) -> sent | bounced | failed,
or back to waiting (a temporary refusal, tried again after `retry_after`), or skipped
(the address is suppressed, or the mailing was cancelled).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Mailing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being written")
        SCHEDULED = "scheduled", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    purpose = models.SlugField(_("what sends it"), max_length=60)
    label = models.CharField(_("name"), max_length=200, blank=True)
    template_base = models.CharField(_("email templates"), max_length=200)
    context = models.JSONField(_("what the email says"), default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    send_after = models.DateTimeField(_("send after"), null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Written by every batch as it works; a batch that stops writing it has died.
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("watch_sending", "Can watch emails to many people being sent")]

    def __str__(self) -> str:
        return self.label or f"{self.purpose} {self.pk}"


class Delivery(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        SKIPPED = "skipped", _("Not sent")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    address = models.CharField(max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    context = models.JSONField(default=dict, blank=True)
    unsubscribe_url = models.CharField(max_length=2000, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claim = models.CharField(max_length=32, blank=True)  # which batch holds it
    claimed_until = models.DateTimeField(null=True, blank=True)
    retry_after = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    message_id = models.CharField(max_length=250, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(default=0)
    complained_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "address"], name="mailing_delivery_once_per_address"
            )
        ]
        indexes = [
            # Claiming the next waiting rows of a mailing, in order; counting by state.
            models.Index(fields=["mailing", "state", "id"], name="mailing_delivery_claiming"),
            # Finding claims whose batch died.
            models.Index(
                fields=["claimed_until"],
                condition=Q(state="claimed"),
                name="mailing_delivery_claimed",
            ),
            models.Index(fields=["address"], name="mailing_delivery_address"),
            models.Index(fields=["sent_at"], name="mailing_delivery_sent_at"),
        ]

    def __str__(self) -> str:
        return f"{self.mailing_id}:{self.pk}"


class SuppressedAddress(models.Model):
    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("The address does not exist")
        COMPLAINT = "complaint", _("The person said our email was unwanted")

    address = models.CharField(max_length=254, unique=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    source = models.TextField(blank=True)  # what told us: the server's reply or the report
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "suppressed addresses"

    def __str__(self) -> str:
        return self.get_reason_display()


class SingleSend(models.Model):
    """One email to one person (`common.email.email_queue`), recorded by its Message-ID
    before the server is told the message is complete, so a task run again after its
    worker was killed does not send it a second time (see `single.py`)."""

    message_id = models.CharField(max_length=250, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.message_id
