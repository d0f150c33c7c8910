"""Polls and surveys: the survey, its questions and options, and the answers people give.

A poll is a survey with one question whose results show as soon as you answer. Every
question has an easy-read wording and a picture; the standard, easy-read and paper versions
all record to the same `Response` and `Answer` rows.

An answer is one row per thing chosen: an option ticked (choose one, choose several), an
option's place (rank), a number (scale) or words (free text). Counting is then a GROUP BY.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Ward

from .pictures import PICTURE_CHOICES


class Survey(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class State(models.TextChoices):
        """Where a survey is in its life, from its status and dates."""

        DRAFT = "draft", _("Draft")
        NOT_YET_OPEN = "not_yet_open", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    why = models.TextField(_("why we are asking"))
    what_happens_next = models.TextField(_("what we will do with the answers"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys_run",
        verbose_name=_("who runs it"),
    )
    ward = models.ForeignKey(
        Ward,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("ward"),
        help_text=_("Leave empty to ask everyone in the borough."),
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=True)
    is_poll = models.BooleanField(_("a quick poll with one question"), default=False)
    results_public = models.BooleanField(_("anyone can see the results"), default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))

    class Meta:
        ordering = ["-opens_at", "-pk"]
        permissions = [("manage_any_survey", "Can manage any survey and enter paper answers")]
        indexes = [models.Index(fields=["status", "closes_at"], name="survey_status_closes")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="surveys_closes_after_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def state(self, now=None) -> str:
        if self.status == self.Status.DRAFT:
            return self.State.DRAFT
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.NOT_YET_OPEN
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    def state_label(self) -> str:
        return str(self.State(self.state()).label)

    def is_open(self, now=None) -> bool:
        return self.state(now) == self.State.OPEN

    @property
    def kind_label(self) -> str:
        return str(_("Poll")) if self.is_poll else str(_("Survey"))


class Question(models.Model):
    class Kind(models.TextChoices):
        ONE = "one", _("Choose one")
        SEVERAL = "several", _("Choose one or more")
        RANK = "rank", _("Put in order")
        SCALE = "scale", _("A scale, such as 1 to 5")
        TEXT = "text", _("Write an answer")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(_("kind of question"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    easy_read_text = models.CharField(_("easy-read question"), max_length=200)
    picture = models.CharField(_("picture"), max_length=20, choices=PICTURE_CHOICES)
    required = models.BooleanField(_("people must answer this"), default=True)
    scale_min = models.PositiveSmallIntegerField(default=1)
    scale_max = models.PositiveSmallIntegerField(default=5)
    scale_low_label = models.CharField(_("words for the lowest number"), max_length=60, blank=True)
    scale_high_label = models.CharField(
        _("words for the highest number"), max_length=60, blank=True
    )

    class Meta:
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="surveys_question_place"),
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")) & Q(scale_max__lte=10),
                name="surveys_scale_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.ONE, self.Kind.SEVERAL, self.Kind.RANK)

    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(_("option"), max_length=200)
    easy_read_text = models.CharField(_("easy-read option"), max_length=100)
    picture = models.CharField(_("picture"), max_length=20, choices=PICTURE_CHOICES)

    class Meta:
        ordering = ["question", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="surveys_option_place")
        ]

    def __str__(self) -> str:
        return self.text


class Response(TimeStampedModel):
    """One person's answers to one survey (or one paper form typed in by staff).

    One per person per survey, held by the database: answering again changes this row.
    """

    class Way(models.TextChoices):
        ONLINE = "online", _("Online")
        EASY_READ = "easy_read", _("Online, easy read")
        PAPER = "paper", _("On paper")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    way = models.CharField(max_length=10, choices=Way.choices, default=Way.ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="paper_responses_entered",
    )

    class Meta:
        ordering = ["survey", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=Q(respondent__isnull=False),
                name="surveys_one_response_each",
            ),
            # A paper answer belongs to no account, unless someone typed it in for that
            # person (a resident who is not online, answering on paper with a champion).
            models.CheckConstraint(
                condition=~Q(way="paper")
                | Q(respondent__isnull=True)
                | Q(entered_by__isnull=False),
                name="surveys_paper_has_no_account",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey_id}"


class Answer(models.Model):
    """One thing in a response: an option chosen (with its place, when ranking), a number on
    a scale, or words."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "question", "rank", "pk"]
        indexes = [
            models.Index(fields=["question", "option", "rank"], name="answer_question_option"),
            models.Index(fields=["question", "number"], name="answer_question_number"),
            models.Index(fields=["question", "response"], name="answer_question_response"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "option"],
                condition=Q(option__isnull=False),
                name="surveys_option_once_per_response",
            ),
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(option__isnull=True),
                name="surveys_one_plain_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"
