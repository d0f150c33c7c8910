"""Councillors' seats for wards, the surgeries they hold, and the questions residents ask them.

A seat is offered by an officer and public only once the person accepts it: nobody is shown
as a councillor without saying yes. A councillor is a public figure, so an accepted seat shows
the name the seat gives (`public_name`), never the account's own details.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.gatherings.models import Event
from coproduce.places.models import Ward

MAX_QUESTION = 2000
MAX_ANSWER = 4000


class Seat(TimeStampedModel):
    """One person as a councillor for one ward."""

    class Status(models.TextChoices):
        OFFERED = "offered", _("Waiting for them to accept")
        ACCEPTED = "accepted", _("Councillor")
        DECLINED = "declined", _("Said no")
        STEPPED_DOWN = "stepped_down", _("Stepped down")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="councillor_seats",
    )
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="councillor_seats")
    public_name = models.CharField(_("name as it appears in public"), max_length=120)
    party = models.CharField(_("party"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OFFERED)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["public_name", "pk"]
        indexes = [models.Index(fields=["ward", "status"], name="seat_ward_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "ward"],
                condition=Q(status__in=["offered", "accepted"]),
                name="one_live_seat_per_person_per_ward",
            )
        ]
        permissions = [("manage_councillors", _("Can add councillors to wards"))]

    def __str__(self) -> str:
        return f"{self.public_name} ({self.ward_id})"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.ACCEPTED


class Surgery(models.Model):
    """A councillor's surgery: an ordinary event in gatherings, held for one seat."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="surgeries")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="surgery")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event__starts_at", "pk"]
        verbose_name_plural = _("surgeries")

    def __str__(self) -> str:
        return f"Surgery {self.event_id} for seat {self.seat_id}"


class Question(TimeStampedModel):
    """A resident's question to one councillor, answered in public."""

    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="questions")
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="councillor_questions",
    )
    # Named on the page only if they chose; otherwise "A resident".
    show_name = models.BooleanField(_("show my name with my question"), default=False)
    body = models.TextField(_("your question"), max_length=MAX_QUESTION)
    answer = models.TextField(_("answer"), max_length=MAX_ANSWER, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["seat", "created_at"], name="question_seat_created")]

    def __str__(self) -> str:
        return f"Question {self.pk} to seat {self.seat_id}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
