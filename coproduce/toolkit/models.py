"""The toolkit: guides officers write and keep a history of, and short courses with a check
at the end of each step, with each person's progress through them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class Topic(models.TextChoices):
    """What a guide is about, so its page can show stories of the same kind of work."""

    ACTION_LEARNING = "action_learning", _("Action learning sets")
    OPEN_SPACE = "open_space", _("Open Space")
    STREET = "street", _("Street conversations")
    GOOD_FOR_NOTHING = "good_for_nothing", _("Good for Nothing weekends")
    PLAIN_LANGUAGE = "plain_language", _("Plain language")
    OTHER = "other", _("Other")


class Guide(TimeStampedModel):
    """A how-to page. Its words are those of its latest version (`GuideVersion`), copied here
    so lists and pages read one row."""

    slug = models.SlugField(_("short name for web addresses"), max_length=160, unique=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("the guide"))
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["title", "pk"]
        permissions = [("edit_guides", _("Can write and change toolkit guides"))]

    def __str__(self) -> str:
        return self.title


class GuideVersion(models.Model):
    """One save of a guide: what it said, who saved it, when and why. Never changed."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("the guide"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(_("saved"), db_index=True)
    # The version this one brought back, when it was a restore.
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="toolkit_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.guide_id} v{self.number}"


class Course(TimeStampedModel):
    """A short course: a few steps, each ending with a check."""

    slug = models.SlugField(_("short name for web addresses"), max_length=160, unique=True)
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    """One step of a course: a short read, then one question with a few answers."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("what to read"))
    question = models.CharField(_("the check"), max_length=300)

    class Meta:
        ordering = ["course", "number"]
        constraints = [
            models.UniqueConstraint(fields=["course", "number"], name="toolkit_step_once")
        ]

    def __str__(self) -> str:
        return self.title


class Option(models.Model):
    """One answer to a step's check, with what the person is told when they choose it."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(_("answer"), max_length=200)
    is_right = models.BooleanField(_("the right answer"), default=False)
    feedback = models.CharField(_("what to say"), max_length=300)

    class Meta:
        ordering = ["step", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Answer(models.Model):
    """A person's latest answer to a step's check. The step is done once they get it right."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolkit_answers"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    is_right = models.BooleanField(default=False)
    tries = models.PositiveIntegerField(default=1)
    answered_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "step"], name="toolkit_answer_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.step_id}"
