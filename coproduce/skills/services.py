"""Every write to the taxonomy and to people's skills goes through here."""

from collections.abc import Iterable

from django.db import transaction

from coproduce.people.models import Profile

from . import taxonomy
from .models import PersonSkill, Skill, SkillCategory


@transaction.atomic
def taxonomy_sync() -> int:
    """Make the database's taxonomy match the shipped file. Returns how many skills changed.

    Skills no longer in the file are kept, marked not current, so nobody loses theirs."""
    categories, skills = taxonomy.load()
    by_slug = {}
    for entry in categories:
        by_slug[entry.slug], _created = SkillCategory.objects.update_or_create(
            slug=entry.slug, defaults={"name": entry.name, "position": entry.position}
        )
    existing = {skill.slug: skill for skill in Skill.objects.all()}
    changed = 0
    for entry in skills:
        values = {
            "name": entry.name,
            "description": entry.description,
            "category": by_slug[entry.category_slug],
            "is_current": True,
        }
        skill = existing.get(entry.slug)
        if skill is None:
            Skill.objects.create(slug=entry.slug, **values)
            changed += 1
        elif any(getattr(skill, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(skill, key, value)
            skill.save()
            changed += 1
    current = {entry.slug for entry in skills}
    changed += (
        Skill.objects.exclude(slug__in=current).filter(is_current=True).update(is_current=False)
    )
    return changed


def taxonomy_sync_after_migrate(sender, **kwargs) -> None:
    if sender.label == "skills":
        taxonomy_sync()


@transaction.atomic
def person_skills_pick(*, profile: Profile, skills: Iterable[Skill]) -> None:
    """Set the skills a person picked from the list: those given are confirmed, the rest of
    their confirmed or suggested skills are marked removed (so they are not suggested again)."""
    chosen = {skill.pk for skill in skills}
    held = {
        ps.skill_id: ps for ps in PersonSkill.objects.select_for_update().filter(profile=profile)
    }
    for skill_id in chosen:
        person_skill = held.get(skill_id)
        if person_skill is None:
            PersonSkill.objects.create(profile=profile, skill_id=skill_id)
        elif person_skill.status != PersonSkill.Status.CONFIRMED:
            person_skill.status = PersonSkill.Status.CONFIRMED
            person_skill.save(update_fields=["status", "updated_at"])
    PersonSkill.objects.filter(profile=profile).exclude(skill_id__in=chosen).exclude(
        status=PersonSkill.Status.REMOVED
    ).update(status=PersonSkill.Status.REMOVED)
