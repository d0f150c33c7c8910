"""A story of something that worked, told by a resident in the words of appreciative inquiry:
what happened, who helped, what made it work, and what it could grow into."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project

MAX_PART = 3000


def _photo_path(story: "Story", filename: str) -> str:
    # A random name: the teller's file name can carry personal details.
    return f"stories/{uuid.uuid4().hex}.{story.photo_format}"


class Story(TimeStampedModel):
    class Status(models.TextChoices):
        # Only the teller sees it: they have not agreed to publish, or took it back.
        PRIVATE = "private", _("Not published")
        WAITING = "waiting", _("Waiting for a moderator")
        PUBLISHED = "published", _("Published")
        NOT_APPROVED = "rejected", _("Not approved")

    teller = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="stories"
    )
    title = models.CharField(_("title"), max_length=150)
    what_happened = models.TextField(_("what happened"), max_length=MAX_PART)
    who_helped = models.TextField(_("who helped"), max_length=MAX_PART, blank=True)
    what_made_it_work = models.TextField(_("what made it work"), max_length=MAX_PART, blank=True)
    could_grow_into = models.TextField(
        _("what it could grow into"), max_length=MAX_PART, blank=True
    )

    photo = models.ImageField(upload_to=_photo_path, max_length=200, blank=True)
    photo_format = models.CharField(max_length=10, editable=False, blank=True)
    photo_alt = models.CharField(_("what the photo shows"), max_length=250, blank=True)

    # Where it happened: a place on the asset map, a point, or just a ward.
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="stories"
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="stories"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Shown as given only if the teller chose so; otherwise only roughly (stories/coarse.py).
    point_is_exact = models.BooleanField(_("show the exact point"), default=False)

    projects = models.ManyToManyField(Project, blank=True, related_name="stories")
    groups = models.ManyToManyField(Organisation, blank=True, related_name="stories")

    # Consent, recorded when given and when taken back.
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    show_name = models.BooleanField(_("show my name with my story"), default=False)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PRIVATE)
    moderation_reason = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name_plural = _("stories")
        indexes = [
            # With the id, newest first is read straight from the index, ties included.
            models.Index(fields=["status", "published_at", "id"], name="story_published"),
            models.Index(fields=["ward", "status", "published_at", "id"], name="story_ward"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="story_point_whole_or_none",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["waiting", "published"])
                | Q(consent_given_at__isnull=False),
                name="story_public_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None
