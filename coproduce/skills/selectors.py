"""Reads of the taxonomy and of people's skills."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower

from coproduce.people.models import Profile

from .models import PersonSkill, Skill, SkillCategory


def categories_with_skills() -> QuerySet[SkillCategory]:
    """Every category with its current skills, by position then name: two queries."""
    return SkillCategory.objects.prefetch_related(
        Prefetch("skills", queryset=Skill.objects.filter(is_current=True).order_by(Lower("name")))
    )


def current_skills() -> QuerySet[Skill]:
    return Skill.objects.filter(is_current=True).order_by(Lower("name"))


def confirmed_skills(profile: Profile) -> list[Skill]:
    """The skills a person has confirmed, by name. Callers apply the profile's privacy."""
    return [
        ps.skill
        for ps in PersonSkill.objects.filter(profile=profile, status=PersonSkill.Status.CONFIRMED)
        .select_related("skill")
        .order_by(Lower("skill__name"))
    ]


def confirmed_skill_names(profile: Profile) -> list[str]:
    """The display names of the skills a person has confirmed, by name.

    Registered with people.selectors, which shows them on a profile as its privacy allows.
    """
    return [skill.display_name for skill in confirmed_skills(profile)]


def decided_skill_keys(profile: Profile) -> set[str]:
    """Slugs of skills the person confirmed or turned down: not to be suggested again."""
    return set(
        PersonSkill.objects.filter(
            profile=profile,
            status__in=[PersonSkill.Status.CONFIRMED, PersonSkill.Status.REMOVED],
        ).values_list("skill__slug", flat=True)
    )
