from django.db import models
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
    description = models.CharField(_("description"), max_length=300, blank=True)
    category = models.ForeignKey(SkillCategory, on_delete=models.PROTECT, related_name="skills")
    # The matching ESCO skill, where there is one (https://esco.ec.europa.eu).
    esco_uri = models.URLField(_("ESCO address"), blank=True)
    # Skills dropped from the shipped taxonomy stay for the people who hold them.
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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
        indexes = [models.Index(fields=["skill", "status"], name="personskill_skill_status")]

    def __str__(self) -> str:
        return f"{self.skill} ({self.status})"
