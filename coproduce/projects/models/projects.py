"""Projects and ideas, their owners, their history, and who appreciates and follows them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.common.webmercator import to_unit
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward

from ..lifecycle import Status as LifecycleStatus
from ..themes import Theme


class Project(TimeStampedModel):
    """An idea or a project on the map, with the rules of the game published up front."""

    class Status(models.TextChoices):
        IDEA = LifecycleStatus.IDEA.value, _("Idea")
        FORMING = LifecycleStatus.FORMING.value, _("Getting started")
        ACTIVE = LifecycleStatus.ACTIVE.value, _("Happening")
        PAUSED = LifecycleStatus.PAUSED.value, _("Paused")
        COMPLETED = LifecycleStatus.COMPLETED.value, _("Completed")
        ARCHIVED = LifecycleStatus.ARCHIVED.value, _("Archived")

    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("more about it"), blank=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEA
    )
    # Where it happens: a place from the asset map, or a whole ward.
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    map_x = models.FloatField(null=True, blank=True, editable=False)
    map_y = models.FloatField(null=True, blank=True, editable=False)
    # The parameters, published before anyone joins: what is fixed, what is open.
    fixed_budget = models.CharField(_("budget"), max_length=300, blank=True)
    fixed_dates = models.CharField(_("dates"), max_length=300, blank=True)
    fixed_rules = models.TextField(_("rules that cannot change"), blank=True)
    open_to_shape = models.TextField(_("what people can shape"), blank=True)
    how_to_help = models.TextField(_("how people can add value"), blank=True)
    parameters_published_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(_("what came of it"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="projects_shared",
    )
    is_hidden = models.BooleanField(default=False)  # by a moderator, with a reason logged
    appreciation_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "is_hidden", "-created_at"], name="project_list"),
            models.Index(fields=["ward", "status"], name="project_ward_status"),
            models.Index(fields=["theme", "status"], name="project_theme_status"),
            models.Index(fields=["map_x", "map_y", "status"], name="project_map"),
        ]
        permissions = [("moderate_project", _("Can hide and restore projects"))]

    def __str__(self) -> str:
        return self.title

    @property
    def parameters_published(self) -> bool:
        return self.parameters_published_at is not None

    def fill_location(self) -> None:
        """Put the project on the map at its place, or else its ward's centre."""
        if self.place_id is not None:
            lat, lon = self.place.latitude, self.place.longitude
        elif self.ward_id is not None and self.ward.centre_latitude is not None:
            lat, lon = self.ward.centre_latitude, self.ward.centre_longitude
        else:
            lat = lon = None
        self.latitude, self.longitude = lat, lon
        self.map_x, self.map_y = to_unit(lat, lon) if lat is not None else (None, None)


class Owner(TimeStampedModel):
    """A person or a group that owns a project, with their role in it."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        CO_OWNER = "co_owner", _("Co-owner")
        COUNCIL = "council", _("Council owner")
        SERVICE_USER = "service_user", _("Service-user co-owner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="owners")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="project_ownerships",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="project_ownerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # A person's email appears in the project pack only if they said yes.
    share_contact = models.BooleanField(_("show my email in the project pack"), default=False)
    # A council role counts ("the council is an owner") only when an officer gave it.
    role_by_officer = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, organisation__isnull=True)
                | Q(user__isnull=True, organisation__isnull=False),
                name="project_owner_is_a_person_or_a_group",
            ),
            models.UniqueConstraint(fields=["project", "user"], name="project_owner_person_once"),
            models.UniqueConstraint(
                fields=["project", "organisation"], name="project_owner_group_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.organisation} ({self.role})"


class StatusChange(models.Model):
    """Every move in a project's life, with who made it and when. Never edited."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"


class Appreciation(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="appreciations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="appreciate_once")]


class Follow(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_follows"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.user} follows {self.project}"
