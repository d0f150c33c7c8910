"""Street conversations (participatory appraisal): a day on the street or at a stall, what
people said there, and the themes a facilitator finds in it.

Nobody's name is kept: an entry holds what was said, a place (never a home address), and
an age band and ward only if the person offered them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Ward


class AgeBand(models.TextChoices):
    NOT_GIVEN = "", _("Not given")
    UNDER_16 = "under_16", _("Under 16")
    FROM_16 = "16_24", _("16 to 24")
    FROM_25 = "25_44", _("25 to 44")
    FROM_45 = "45_64", _("45 to 64")
    FROM_65 = "65_plus", _("65 or over")


class StreetDay(TimeStampedModel):
    """One street conversation day, organised by its facilitator."""

    title = models.CharField(_("title"), max_length=150)
    held_on = models.DateField(_("date"))
    ward = models.ForeignKey(
        Ward,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="street_days",
        verbose_name=_("ward"),
    )
    area = models.CharField(_("area"), max_length=150, blank=True)
    # The question or questions asked, one a line.
    questions = models.TextField(_("questions asked"))
    # None once the facilitator closed their account: the day stays, for officers.
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="street_days",
        verbose_name=_("facilitator"),
    )
    themes_published = models.BooleanField(_("named themes shown in public"), default=False)
    themes_asked_at = models.DateTimeField(_("themes asked for"), null=True, blank=True)
    themes_found_at = models.DateTimeField(_("themes found"), null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("street conversation day")
        permissions = [("manage_any_street_day", "See and manage every street conversation day")]

    def __str__(self) -> str:
        return self.title

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


class Theme(TimeStampedModel):
    """A group of entries that say something alike. Unnamed until the facilitator names it;
    only named themes are ever shown in public."""

    day = models.ForeignKey(
        StreetDay, on_delete=models.CASCADE, related_name="themes", verbose_name=_("day")
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    # The words that stand out in the theme's entries, most telling first.
    top_words = models.JSONField(_("top words"), default=list, blank=True)

    class Meta:
        ordering = ["day", "pk"]
        verbose_name = _("theme")

    def __str__(self) -> str:
        return self.name or ", ".join(self.top_words[:3])


class StreetEntry(TimeStampedModel):
    """What one person said. `uuid` is made on the phone (or by the form) before the first
    send, so a resend after a lost answer finds the entry already saved."""

    class Via(models.TextChoices):
        PHONE = "phone", _("Typed on the day")
        PAPER = "paper", _("Typed in from paper")

    uuid = models.UUIDField(_("entry code"), default=uuid.uuid4, unique=True, editable=False)
    day = models.ForeignKey(
        StreetDay, on_delete=models.CASCADE, related_name="entries", verbose_name=_("day")
    )
    said = models.TextField(_("what was said"))
    place = models.CharField(_("where"), max_length=150, blank=True)
    ward = models.ForeignKey(
        Ward,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="street_entries",
        verbose_name=_("ward"),
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    via = models.CharField(_("how it came"), max_length=5, choices=Via.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("theme"),
    )
    # The embedder's vector (384 float32 numbers), kept so themes can be found again
    # without embedding the same words twice.
    vector = models.BinaryField(_("vector"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("street conversation entry")
        verbose_name_plural = _("street conversation entries")
        indexes = [models.Index(fields=["day", "created_at"], name="streettalk_entry_day_made")]

    def __str__(self) -> str:
        return self.said[:50]
