from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.people.models import Profile


class SkillCategory(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = _("skill categories")

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    """One community skill: something people can do for each other, in everyday words."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    # ESCO's descriptions often run past a few hundred characters.
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(SkillCategory, on_delete=models.PROTECT, related_name="skills")
    # Other words people use for it ("cook", "making meals"): a list of strings.
    alt_labels = models.JSONField(_("other words for it"), default=list, blank=True)
    # The matching ESCO skill, where there is one (https://esco.ec.europa.eu).
    esco_uri = models.URLField(_("ESCO address"), max_length=300, blank=True, db_index=True)
    # Skills dropped from the shipped taxonomy, retired or merged stay for those who hold them.
    is_current = models.BooleanField(_("in use"), default=True)
    # Set when an officer merged this skill into another; merged skills are never current.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    # True while the shipped taxonomy file decides this skill. An officer's change in the
    # admin (or an import or merge) sets it False, and taxonomy_sync leaves the skill alone.
    managed_by_file = models.BooleanField(_("kept in step with the shipped list"), default=True)

    class Meta:
        # Labels are mostly lower case; "IT support" should not sort before "art".
        ordering = [Lower("name")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(merged_into__isnull=True) | models.Q(is_current=False),
                name="skills_merged_is_not_current",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The label as pages show it: first letter capital ("Event planning"), the rest as
        written, so "IT support" and "British Sign Language" keep theirs."""
        return self.name[:1].upper() + self.name[1:]


class PersonSkill(TimeStampedModel):
    """A skill on someone's profile. Only confirmed skills are ever shown or matched."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed by the person")
        SUGGESTED = "suggested", _("Suggested, waiting for the person")
        REMOVED = "removed", _("Removed by the person")

    class Source(models.TextChoices):
        PICKED = "picked", _("Picked from the list")
        RECOGNISED = "recognised", _("Recognised from their own words")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="holders")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.PICKED)
    # For recognised skills: the words that suggested it, and how sure the engine was.
    evidence = models.CharField(max_length=300, blank=True)
    score = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="skills_once_per_person")
        ]
        # Covers the matching query: a need's skills and status give the people without
        # reading the table.
        indexes = [
            models.Index(fields=["skill", "status", "profile"], name="personskill_skill_status_who")
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({self.status})"
