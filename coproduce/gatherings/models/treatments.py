"""An action learning set "treatment": a project brought to a session, brainstormed in four
columns (who is affected, resources, actions, barriers), then reported back on later."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.people.naming import name_for
from coproduce.projects.models import Project

from .events import Event


class Treatment(TimeStampedModel):
    """A project put forward for a session of an action learning set."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Put forward")
        ACCEPTED = "accepted", _("On the agenda")
        DECLINED = "declined", _("Not this time")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="treatments")
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="treatments",
        verbose_name=_("project"),
    )
    # Used when the project is not on the platform, and as the heading either way.
    title = models.CharField(_("name of the project"), max_length=150)
    summary = models.TextField(_("the project in a few lines"), blank=True)
    question = models.TextField(_("what you would like help with"), blank=True)
    # Whoever brings the project and reports back on it: usually its owner.
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="treatments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    # Which earlier treatment of the same project this follows on from, so report-backs chain.
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_by"
    )

    class Meta:
        ordering = ["event__starts_at", "pk"]
        indexes = [models.Index(fields=["event", "status"], name="treatment_event_status")]

    def __str__(self) -> str:
        return self.title


class Column(models.TextChoices):
    WHO = "who", _("Who is affected")
    RESOURCES = "resources", _("Resources")
    ACTIONS = "actions", _("Actions")
    BARRIERS = "barriers", _("Barriers")


class ColumnNote(TimeStampedModel):
    """One note in the "who is affected" or "resources" column."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="notes")
    column = models.CharField(
        max_length=20, choices=[(c.value, c.label) for c in (Column.WHO, Column.RESOURCES)]
    )
    text = models.CharField(_("note"), max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class Action(TimeStampedModel):
    """A step in the action plan, with a named owner and a date it is due."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not reported on yet")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gathering_actions",
        verbose_name=_("who will do it"),
    )
    # Someone not on the platform ("Jo from the tenants' association").
    owner_name = models.CharField(_("who will do it"), max_length=150, blank=True)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        # Every action is given an owner (services.treatments.action_add); no database rule
        # says so, because erasing an owner's account must still leave the action on record.
        indexes = [models.Index(fields=["status", "due_on"], name="action_status_due")]

    def __str__(self) -> str:
        return self.text

    @property
    def owner_label(self) -> str:
        """Who owns the action, as a visitor may see it (people/naming.py)."""
        return self.owner_label_for(None)

    def owner_label_for(self, viewer) -> str:
        if self.owner_id:
            return name_for(self.owner, viewer)
        return self.owner_name or str(_("Someone no longer on the site"))


class BarrierTheme(TimeStampedModel):
    """An entry in the barrier library: one barrier, however each set worded it."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Barrier(TimeStampedModel):
    """Something in the way of a project, as the set named it; busted later, with how."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="barriers")
    text = models.CharField(_("barrier"), max_length=500)
    theme = models.ForeignKey(
        BarrierTheme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barriers",
        verbose_name=_("in the barrier library as"),
    )
    busted_at = models.DateTimeField(null=True, blank=True)
    busted_how = models.TextField(_("how it was busted"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["theme", "busted_at"], name="barrier_theme_busted")]

    def __str__(self) -> str:
        return self.text

    @property
    def is_busted(self) -> bool:
        return self.busted_at is not None


class ReportBack(TimeStampedModel):
    """What the project owner said at a later session about one action or one barrier."""

    class Outcome(models.TextChoices):
        DONE = "done", _("Done")
        IN_PROGRESS = "in_progress", _("In progress")
        DROPPED = "dropped", _("Dropped")
        BUSTED = "busted", _("Busted")
        STILL_THERE = "still_there", _("Still in the way")

    ACTION_OUTCOMES = (Outcome.DONE, Outcome.IN_PROGRESS, Outcome.DROPPED)
    BARRIER_OUTCOMES = (Outcome.BUSTED, Outcome.STILL_THERE)

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="report_backs")
    # The session at which it was reported (usually the next one), if any.
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="report_backs"
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="report_backs"
    )
    barrier = models.ForeignKey(
        Barrier, on_delete=models.CASCADE, null=True, blank=True, related_name="report_backs"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(action__isnull=False) & Q(barrier__isnull=True))
                | (Q(action__isnull=True) & Q(barrier__isnull=False)),
                name="gatherings_report_back_one_subject",
            )
        ]


class ActionReminder(TimeStampedModel):
    """A reminder sent to an action's owner, recorded so nobody gets the same one twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        BEFORE_SESSION = "before_session", _("Before the next session")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The due date or the session's date it was about: a new date may earn a new reminder.
    about_date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "about_date"], name="gatherings_reminder_once"
            )
        ]
