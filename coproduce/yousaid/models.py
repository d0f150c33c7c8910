"""A council response to something residents said: "you said, we did".

A `CouncilResponse` is linked to one item from one source (see sources.py) by its source key
and the item's id, and keeps the item's title in words, so the public lists need no other app.
It says what was heard, what will change, who owns it and by when, and later what did change.
Being named owner is an invitation: `owner_invited` until the officer accepts, then `owner`.
Every change is kept as a `ResponseChange` (who, when, what), written only by services.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class CouncilResponse(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_DOING = "not_doing", _("Not doing")

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    source = models.CharField(max_length=30)
    item_id = models.PositiveIntegerField()
    item_title = models.CharField(_("what it responds to"), max_length=300)
    service = models.ForeignKey(
        "services.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_responses",
    )
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_responses",
    )
    heard = models.TextField(_("what we heard"), max_length=3000)
    will_change = models.TextField(_("what we will change"), max_length=3000)
    due_on = models.DateField(_("by when"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    did_change = models.TextField(_("what did change"), max_length=3000, blank=True)
    done_on = models.DateField(_("when it changed"), null=True, blank=True)
    not_doing_reason = models.TextField(_("why we are not doing it"), max_length=3000, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_responses_owned",
    )
    owner_invited = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_responses_offered",
    )
    # Its owner closed their account: the page says "a council officer" instead of a name.
    owner_was_removed = models.BooleanField(default=False)
    # When its owner was last reminded (services.reminders_send): at most once a week.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("own_council_response", "Can own a council response")]
        indexes = [
            models.Index(fields=["ward", "-created_at"], name="yousaid_ward_newest"),
            models.Index(fields=["service", "-created_at"], name="yousaid_service_newest"),
            models.Index(fields=["source", "item_id"], name="yousaid_item"),
            models.Index(fields=["status", "due_on"], name="yousaid_status_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_doing") | ~Q(not_doing_reason=""),
                name="yousaid_not_doing_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(did_change="") & Q(done_on__isnull=False)),
                name="yousaid_done_says_what_changed",
            ),
        ]

    def __str__(self) -> str:
        return self.will_change[:80]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())


class ResponseChange(models.Model):
    """One change to a response, kept for good: who made it, when, and what it changed."""

    class Kind(models.TextChoices):
        RECORDED = "recorded", _("Response recorded")
        UPDATED = "updated", _("Response updated")
        OWNER_INVITED = "owner_invited", _("Owner asked")
        OWNER_ACCEPTED = "owner_accepted", _("Owner accepted")
        OWNER_DECLINED = "owner_declined", _("Owner said no")
        OWNER_REMOVED = "owner_removed", _("Owner removed")

    response = models.ForeignKey(CouncilResponse, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who was asked, accepted or said no, for the owner kinds.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    # What changed, in words for the public page: [{"field": label, "value": new value}, ...]
    fields = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"
