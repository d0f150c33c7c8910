"""A choice put to the room at a gathering: "Which projects should we take on next?" or
"Which barrier do we bust next?", by dot voting or by ranking.

People with a confirmed place vote on their phones, one ballot each (changeable while the
choice is open); the organiser types in what the room voted on the wall or on paper. When the
organiser closes it, the counts are kept on the options, so the record stays as it was even
if someone's account is closed later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.projects.models import Project

from .events import Event
from .treatments import Barrier

MOST_OPTIONS = 12
MOST_DOTS = 20


class Choice(TimeStampedModel):
    """A question the room answers by choosing among options."""

    class About(models.TextChoices):
        PROJECTS = "projects", _("Projects")
        BARRIERS = "barriers", _("Barriers")
        OPTIONS = "options", _("Options you type in")

    class Method(models.TextChoices):
        DOTS = "dots", _("Dot voting")
        RANKING = "ranking", _("Putting in order")

    class Status(models.TextChoices):
        OPEN = "open", _("Open for votes")
        CLOSED = "closed", _("Closed")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="choices")
    question = models.CharField(_("question"), max_length=200)
    about = models.CharField(_("what people choose from"), max_length=20, choices=About.choices)
    method = models.CharField(_("how people choose"), max_length=20, choices=Method.choices)
    dots = models.PositiveSmallIntegerField(_("dots each person has"), default=3)
    most_on_one = models.PositiveSmallIntegerField(_("most dots on one option"), default=3)
    seats = models.PositiveSmallIntegerField(_("how many to choose"), default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    # People who voted in the room, on the wall or on paper (typed in by the organiser).
    room_people = models.PositiveIntegerField(default=0)
    room_counted_at = models.DateTimeField(null=True, blank=True)
    # Kept at closing, so the record does not change if a ballot goes later.
    ballots_at_close = models.PositiveIntegerField(null=True, blank=True)
    tied = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"], name="choice_event_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(dots__gte=1, dots__lte=MOST_DOTS)
                & Q(most_on_one__gte=1, most_on_one__lte=models.F("dots")),
                name="gatherings_choice_dots_sensible",
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1, seats__lte=MOST_OPTIONS),
                name="gatherings_choice_seats_sensible",
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="closed", closed_at__isnull=False),
                name="gatherings_choice_closed_when",
            ),
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_dots(self) -> bool:
        return self.method == self.Method.DOTS


class ChoiceOption(TimeStampedModel):
    """One thing the room can choose: a project, a barrier, or words the organiser typed."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=200)
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="choice_options",
    )
    barrier = models.ForeignKey(
        Barrier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="choice_options",
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Typed in from the room: dots on the wall, or for ranking how many people put it in
    # first place, second place and so on.
    room_dots = models.PositiveIntegerField(default=0)
    room_places = models.JSONField(default=list, blank=True)
    # Kept at closing (services.choices.choice_close).
    points = models.PositiveIntegerField(null=True, blank=True)
    points_phones = models.PositiveIntegerField(null=True, blank=True)
    points_room = models.PositiveIntegerField(null=True, blank=True)
    backers = models.PositiveIntegerField(null=True, blank=True)
    # For ranking: how many people (phones and room) put it first, second and so on.
    places = models.JSONField(default=list, blank=True)
    chosen = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["choice", "project"],
                condition=Q(project__isnull=False),
                name="gatherings_choice_project_once",
            ),
            models.UniqueConstraint(
                fields=["choice", "barrier"],
                condition=Q(barrier__isnull=False),
                name="gatherings_choice_barrier_once",
            ),
        ]
        indexes = [
            models.Index(fields=["project", "chosen"], name="choice_option_project"),
            models.Index(fields=["barrier", "chosen"], name="choice_option_barrier"),
        ]

    def __str__(self) -> str:
        return self.label


class Ballot(TimeStampedModel):
    """One person's vote on one choice, sent from their phone. One each, changeable while the
    choice is open; the database refuses a second."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="choice_ballots"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["choice", "user"], name="gatherings_ballot_once"),
        ]

    def __str__(self) -> str:
        return f"Ballot {self.pk} on {self.choice_id}"


class BallotMark(models.Model):
    """Dots given to one option, or the place it was put in, on one ballot."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="marks")
    option = models.ForeignKey(ChoiceOption, on_delete=models.CASCADE, related_name="marks")
    dots = models.PositiveSmallIntegerField(null=True, blank=True)
    place = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["ballot", "place", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "option"], name="gatherings_mark_once"),
            models.UniqueConstraint(fields=["ballot", "place"], name="gatherings_place_once"),
            models.CheckConstraint(
                condition=(Q(dots__gte=1) & Q(place__isnull=True))
                | (Q(dots__isnull=True) & Q(place__gte=1)),
                name="gatherings_mark_dots_or_place",
            ),
        ]

    def __str__(self) -> str:
        return f"Mark on ballot {self.ballot_id}"
