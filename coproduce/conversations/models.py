"""Conversations that find common ground: short statements, agree / disagree / pass votes,
and the opinion groups found from them (the maths is in `opinion/`, with no Django).

Counters on a statement are written only by `services.vote_record`, with F() expressions, so
they stay equal to the votes under concurrent requests. One vote per participant per statement
is a database constraint, not only a check in Python.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.gatherings.models import Series
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward
from coproduce.projects.models import Project

STATEMENT_MAX = 140


def _key() -> str:
    return secrets.token_urlsafe(24)


class Conversation(TimeStampedModel):
    """A question put to residents, with statements to agree or disagree with."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being set up")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Scope(models.TextChoices):
        BOROUGH = "borough", _("The whole borough")
        WARD = "ward", _("A ward")
        PROJECT = "project", _("A project")
        SERIES = "series", _("A series of events")

    class Adding(models.TextChoices):
        EVERYONE = "everyone", _("Anyone taking part can add statements")
        OWNERS = "owners", _("Only the people running it add statements")

    question = models.CharField(_("question"), max_length=200)
    description = models.TextField(_("what it is about"), max_length=1000)
    scope = models.CharField(_("who it is for"), max_length=10, choices=Scope.choices)
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="conversations"
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="conversations"
    )
    series = models.ForeignKey(
        Series, on_delete=models.CASCADE, null=True, blank=True, related_name="conversations"
    )
    # A group that runs it: its organisers may manage it too.
    group = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    adding = models.CharField(
        _("who may add statements"), max_length=10, choices=Adding.choices, default=Adding.EVERYONE
    )
    # Residents' own statements always wait for a moderator; this makes the seeds wait too.
    seeds_wait = models.BooleanField(
        _("statements by the people running it wait too"), default=False
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The background analysis: queued at most once a minute (services.analysis_request).
    analysis_pending = models.BooleanField(default=False)
    analysed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("manage_any_conversation", "Can open and run any conversation")]
        indexes = [models.Index(fields=["status", "scope"], name="conversation_listing")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope="borough", ward__isnull=True, project__isnull=True, series__isnull=True)
                    | Q(scope="ward", ward__isnull=False, project__isnull=True, series__isnull=True)
                    | Q(scope="project", project__isnull=False, series__isnull=True)
                    | Q(scope="series", series__isnull=False, project__isnull=True)
                ),
                name="conversation_is_for_what_its_scope_says",
            ),
        ]

    def __str__(self) -> str:
        return self.question

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class SignedLink(TimeStampedModel):
    """A link to take part without an account, handed out in a street or at a meeting."""

    class Kind(models.TextChoices):
        STREET = "street", _("A street")
        MEETING = "meeting", _("A meeting")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("where it is used"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("name"), max_length=120)
    token = models.CharField(max_length=64, unique=True, default=_key, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    joined = models.PositiveIntegerField(default=0)  # written by services.link_join, with F()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Participant(TimeStampedModel):
    """Someone taking part in one conversation: an account, or whoever holds a link's cookie.

    A person who joined through a link and later signs in is a second participant: the two
    are never merged (the cookie cannot prove the account is the same person)."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversation_participations",
    )
    link = models.ForeignKey(
        SignedLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="participants"
    )
    # The secret in a link participant's cookie (the cookie is also signed).
    key = models.CharField(max_length=64, unique=True, default=_key, editable=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"],
                condition=Q(user__isnull=False),
                name="one_participant_per_account_per_conversation",
            )
        ]

    def __str__(self) -> str:
        return f"Participant {self.pk} in {self.conversation_id}"


class Statement(TimeStampedModel):
    """A short thing to agree or disagree with."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a moderator")
        SHOWN = "shown", _("Shown")
        REJECTED = "rejected", _("Not shown")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(_("statement"), max_length=STATEMENT_MAX)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversation_statements",
    )
    is_seed = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.CharField(max_length=500, blank=True)
    agree_count = models.PositiveIntegerField(default=0)
    disagree_count = models.PositiveIntegerField(default=0)
    pass_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["conversation", "status"], name="statement_shown"),
            models.Index(fields=["status", "created_at"], name="statement_queue"),
        ]
        constraints = [
            # Words removed when their author closed their account leave "" behind.
            models.UniqueConstraint(
                fields=["conversation", "text"],
                condition=~Q(text=""),
                name="statement_said_once_per_conversation",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def votes(self) -> int:
        return self.agree_count + self.disagree_count + self.pass_count


class Vote(models.Model):
    """One participant's answer to one statement. Changing it updates this row."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass or unsure")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["conversation", "participant"], name="vote_by_conversation")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="one_vote_per_participant_per_statement"
            ),
            models.CheckConstraint(condition=Q(value__in=[1, -1, 0]), name="vote_value_is_known"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} on {self.statement_id}: {self.value}"


class OpinionSnapshot(models.Model):
    """The latest analysis of a conversation, as the results page shows it."""

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="snapshot"
    )
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()
    votes = models.PositiveIntegerField(default=0)
    participants = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Snapshot of {self.conversation_id} at {self.computed_at:%Y-%m-%d %H:%M}"
