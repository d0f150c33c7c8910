"""Every write to the taxonomy and to people's skills goes through here."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.people.models import Profile
from coproduce.staff.services import audit_record

from . import taxonomy
from .models import PersonSkill, Skill, SkillCategory


@transaction.atomic
def taxonomy_sync() -> int:
    """Make the database's taxonomy match the shipped file. Returns how many skills changed.

    Skills no longer in the file are kept, marked not current, so nobody loses theirs. Skills
    an officer has changed, added, retired or merged (managed_by_file False) are left alone.
    Other words for a skill and its ESCO address are only added to, never taken away, so those
    an import or a merge brought stay."""
    categories, skills = taxonomy.load()
    by_slug = {}
    for entry in categories:
        by_slug[entry.slug], _created = SkillCategory.objects.update_or_create(
            slug=entry.slug, defaults={"name": entry.name, "position": entry.position}
        )
    existing = {skill.slug: skill for skill in Skill.objects.all()}
    changed = 0
    for entry in skills:
        skill = existing.get(entry.slug)
        if skill is None:
            Skill.objects.create(
                slug=entry.slug,
                name=entry.name,
                description=entry.description,
                category=by_slug[entry.category_slug],
                alt_labels=list(entry.alt_labels),
                esco_uri=entry.esco_uri,
            )
            changed += 1
            continue
        if not skill.managed_by_file:
            continue
        values = {
            "name": entry.name,
            "description": entry.description,
            "category": by_slug[entry.category_slug],
            "is_current": True,
            "alt_labels": labels_combined(list(entry.alt_labels), skill.alt_labels, entry.name),
            "esco_uri": entry.esco_uri or skill.esco_uri,
        }
        if any(getattr(skill, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(skill, key, value)
            skill.save()
            changed += 1
    current = {entry.slug for entry in skills}
    changed += (
        Skill.objects.exclude(slug__in=current)
        .filter(is_current=True, managed_by_file=True)
        .update(is_current=False)
    )
    return changed


def labels_combined(first: list[str], more: Iterable[str], name: str) -> list[str]:
    """`first` then each of `more` not already there, ignoring case; never the name itself."""
    seen = {name.casefold()}
    combined = []
    for label in [*first, *more]:
        label = label.strip()
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            combined.append(label)
    return combined


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


# Other apps whose records point at skills (projects' needs, offers ...) register a callable
# here, taking (source, target), to move their links when an officer merges two skills. Each
# runs inside the merge's transaction, after people's skills have moved.
MERGE_HANDLERS: list[Callable[[Skill, Skill], None]] = []

# A stronger status wins when one person held both skills being merged.
_STATUS_STRENGTH = {
    PersonSkill.Status.CONFIRMED: 3,
    PersonSkill.Status.SUGGESTED: 2,
    PersonSkill.Status.REMOVED: 1,
}


class SkillMergeError(ValueError):
    """The merge asked for cannot be done; the message says why, for the officer."""


@dataclass(frozen=True)
class MergeResult:
    moved: int  # people's skills moved across as they were
    combined: int  # people who held both: one row kept, with the stronger status


@transaction.atomic
def skill_merge(*, source: Skill, target: Skill, by=None) -> MergeResult:
    """Merge `source` into `target`: everyone holding source holds target instead (someone
    holding both keeps the stronger status: confirmed, then suggested, then removed), every
    registered handler in MERGE_HANDLERS moves its own links, source's name and other words
    become other words for target, and source is marked merged and not current. Skills
    already merged into source now point at target. Raises SkillMergeError, changing nothing,
    for a skill merged into itself, an already merged source, or a target not in use."""
    # Lock both rows so two officers merging at once cannot cross over.
    locked = {
        s.pk: s for s in Skill.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
    }
    source, target = locked.get(source.pk, source), locked.get(target.pk, target)
    if source.pk == target.pk:
        raise SkillMergeError(_("A skill cannot be merged into itself."))
    if source.merged_into_id is not None:
        raise SkillMergeError(
            _("%(source)s has already been merged into %(target)s.")
            % {"source": source, "target": source.merged_into}
        )
    if target.merged_into_id is not None or not target.is_current:
        raise SkillMergeError(
            _("%(target)s is not in use (it was retired or merged). Choose a skill in use.")
            % {"target": target}
        )
    holders_of_source = PersonSkill.objects.filter(skill=source).values("profile_id")
    doubles = {
        ps.profile_id: ps
        for ps in PersonSkill.objects.select_for_update().filter(
            skill=target, profile_id__in=holders_of_source
        )
    }
    combined = 0
    for duplicate in PersonSkill.objects.select_for_update().filter(
        skill=source, profile_id__in=list(doubles)
    ):
        kept = doubles[duplicate.profile_id]
        if _STATUS_STRENGTH[duplicate.status] > _STATUS_STRENGTH[kept.status]:
            # The source row says more: keep its status and how it came about.
            for field in ("status", "source", "evidence", "score"):
                setattr(kept, field, getattr(duplicate, field))
            kept.save(update_fields=["status", "source", "evidence", "score", "updated_at"])
        duplicate.delete()
        combined += 1
    moved = PersonSkill.objects.filter(skill=source).update(skill=target, updated_at=timezone.now())
    for handler in MERGE_HANDLERS:
        handler(source, target)
    Skill.objects.filter(merged_into=source).update(merged_into=target)
    target.alt_labels = labels_combined(
        target.alt_labels, [source.name, *source.alt_labels], target.name
    )
    target.save(update_fields=["alt_labels"])
    source.merged_into = target
    source.is_current = False
    source.managed_by_file = False
    source.save(update_fields=["merged_into", "is_current", "managed_by_file"])
    audit_record(
        actor=by,
        action="skills.merged",
        target=f"skill {source.pk} into skill {target.pk}",
        detail={"source": source.name, "target": target.name, "moved": moved, "combined": combined},
    )
    return MergeResult(moved=moved, combined=combined)


@transaction.atomic
def skill_retire(*, skill: Skill) -> bool:
    """Stop offering a skill; those who hold it keep it. Returns False if it was not in use.
    The shipped list will not bring it back."""
    was_current = skill.is_current
    skill.is_current = False
    skill.managed_by_file = False
    skill.save(update_fields=["is_current", "managed_by_file"])
    return was_current


@dataclass(frozen=True)
class EscoSkill:
    """One row of an ESCO skills file, checked."""

    line: int
    uri: str
    label: str
    alt_labels: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


ESCO_CATEGORY_SLUG = "esco-skills"


def esco_category() -> SkillCategory:
    """The category new ESCO skills go into when no other is given, made if missing."""
    last = SkillCategory.objects.order_by("-position").values_list("position", flat=True).first()
    category, _created = SkillCategory.objects.get_or_create(
        slug=ESCO_CATEGORY_SLUG,
        defaults={"name": "ESCO skills", "position": (last or 0) + 1},
    )
    return category


@transaction.atomic
def skills_import_esco(
    *, rows: Iterable[EscoSkill], category: SkillCategory | None = None, dry_run: bool = False
) -> ImportResult:
    """Add ESCO skills, or update those already here (same ESCO address, or the same label in
    any case): their ESCO address is set and ESCO's other words are added to theirs; our own
    names and descriptions are kept. A skill merged away passes the update to the one it was
    merged into. New skills are not managed by the shipped list. With dry_run, everything is
    checked and counted, then rolled back."""
    category = category or esco_category()
    added = updated = unchanged = 0
    taken_slugs = set(Skill.objects.values_list("slug", flat=True))
    for row in rows:
        skill = (
            Skill.objects.filter(esco_uri=row.uri).order_by("pk").first()
            or Skill.objects.filter(name__iexact=row.label).first()
        )
        while skill is not None and skill.merged_into_id is not None:
            skill = skill.merged_into
        if skill is None:
            slug = base = taxonomy.slug_for(row.label) or "skill"
            number = 1
            while slug in taken_slugs:
                number += 1
                slug = f"{base}-{number}"
            taken_slugs.add(slug)
            Skill.objects.create(
                slug=slug,
                name=row.label,
                description=row.description,
                category=category,
                alt_labels=labels_combined(list(row.alt_labels), [], row.label),
                esco_uri=row.uri,
                managed_by_file=False,
            )
            added += 1
            continue
        alt_labels = labels_combined(skill.alt_labels, [row.label, *row.alt_labels], skill.name)
        if (skill.esco_uri, skill.alt_labels) == (row.uri, alt_labels):
            unchanged += 1
            continue
        skill.esco_uri, skill.alt_labels = row.uri, alt_labels
        skill.save(update_fields=["esco_uri", "alt_labels"])
        updated += 1
    if dry_run:
        transaction.set_rollback(True)
    return ImportResult(added=added, updated=updated, unchanged=unchanged)


@transaction.atomic
def person_skills_confirm(*, profile: Profile, accepted: Iterable, declined: Iterable) -> None:
    """Record the person's answers to recognised skills: yes adds the skill (with the words
    that suggested it), no marks it removed so it is not suggested again. Nothing else is
    stored: a suggestion the person has not answered is never saved."""
    answers = [(s, PersonSkill.Status.CONFIRMED) for s in accepted]
    answers += [(s, PersonSkill.Status.REMOVED) for s in declined]
    skills = {
        skill.slug: skill for skill in Skill.objects.filter(slug__in=[s.key for s, _ in answers])
    }
    for suggestion, status in answers:
        skill = skills.get(suggestion.key)
        if skill is None:
            continue  # retired since it was suggested
        PersonSkill.objects.update_or_create(
            profile=profile,
            skill=skill,
            defaults={
                "status": status,
                "source": PersonSkill.Source.RECOGNISED,
                "evidence": suggestion.evidence[:300],
                "score": suggestion.score,
            },
        )
