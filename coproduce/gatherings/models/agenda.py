from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .events import Event


class AgendaItem(TimeStampedModel):
    """Something a participant wants to talk about: an agenda item or an Open Space session.

    Before the event others show interest; at the event organisers give it a room and a time.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Suggested")
        SCHEDULED = "scheduled", _("On the board")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("what it is about"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    room = models.CharField(_("room or space"), max_length=100, blank=True)
    slot_starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    slot_ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    interest_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["slot_starts_at", "room", "-interest_count", "pk"]
        indexes = [models.Index(fields=["event", "status"], name="agenda_event_status")]

    def __str__(self) -> str:
        return self.title


class AgendaInterest(TimeStampedModel):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="gatherings_interest_once")
        ]
