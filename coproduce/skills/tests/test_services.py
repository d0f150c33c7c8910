import pytest
from django.db import IntegrityError, transaction

from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills import services
from coproduce.skills.models import PersonSkill, Skill, SkillCategory
from coproduce.skills.tests.factories import skill

pytestmark = pytest.mark.django_db


def test_migrate_loads_the_taxonomy():
    """Every database has the 56 community skills after migrating."""
    assert Skill.objects.filter(is_current=True).count() == 56


def test_sync_is_idempotent_and_keeps_dropped_skills():
    """A second sync changes nothing; a skill not in the file is kept but not current."""
    assert services.taxonomy_sync() == 0
    old = Skill.objects.create(slug="morris-dancing", name="Morris dancing", category_id=1)
    services.taxonomy_sync()
    old.refresh_from_db()
    assert old.is_current is False


def test_labels_show_with_a_capital_first_letter():
    """The label is kept as written; pages show it with a capital first letter only."""
    event = Skill.objects.get(slug="event-planning")
    assert (event.name, event.display_name, str(event)) == ("event planning",) + (
        "Event planning",
    ) * 2
    assert Skill.objects.get(slug="it-support").display_name == "IT support"


def test_sync_puts_back_a_file_skill_changed_outside_the_admin():
    """A skill still kept by the file gets its label back from the file."""
    Skill.objects.filter(slug="cooking").update(name="Cookery", is_current=False)
    assert services.taxonomy_sync() == 1
    cooking = Skill.objects.get(slug="cooking")
    assert (cooking.name, cooking.is_current) == ("cooking", True)


def test_sync_does_not_bring_back_a_retired_skill():
    """A skill an officer retired stays retired after the shipped list is synced."""
    services.skill_retire(skill=skill("cooking"))
    services.taxonomy_sync()
    assert skill("cooking").is_current is False


def test_sync_does_not_bring_back_a_merged_skill():
    """A merged skill stays merged and not current after a sync."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    services.taxonomy_sync()
    tutoring = skill("tutoring")
    assert (tutoring.is_current, tutoring.merged_into) == (False, skill("teaching"))


def test_sync_leaves_officers_own_skills_alone():
    """Skills an officer added or changed are neither retired nor overwritten by a sync."""
    Skill.objects.create(slug="juggling", name="juggling", category_id=1, managed_by_file=False)
    Skill.objects.filter(slug="cooking").update(description="Ours.", managed_by_file=False)
    services.taxonomy_sync()
    assert skill("juggling").is_current is True
    assert skill("cooking").description == "Ours."


def test_sync_keeps_other_words_added_by_a_merge_or_import():
    """Other words and an ESCO address the file does not give survive a sync."""
    shipped = skill("cooking").alt_labels
    Skill.objects.filter(slug="cooking").update(
        alt_labels=[*shipped, "judging bake-offs"], esco_uri="http://data.europa.eu/esco/skill/c"
    )
    assert services.taxonomy_sync() == 0
    cooking = skill("cooking")
    assert cooking.alt_labels == [*shipped, "judging bake-offs"]
    assert cooking.esco_uri == "http://data.europa.eu/esco/skill/c"


def test_picking_confirms_chosen_and_removes_the_rest():
    """Skills ticked are confirmed; skills unticked are marked removed, not deleted."""
    profile = ProfileFactory()
    services.person_skills_pick(profile=profile, skills=[skill("Cooking"), skill("Gardening")])
    services.person_skills_pick(profile=profile, skills=[skill("Cooking")])
    statuses = dict(
        PersonSkill.objects.filter(profile=profile).values_list("skill__slug", "status")
    )
    assert statuses == {"cooking": "confirmed", "gardening": "removed"}


def test_picking_confirms_a_suggested_skill():
    """Ticking a skill the engine suggested confirms that same row."""
    profile = ProfileFactory()
    PersonSkill.objects.create(
        profile=profile, skill=skill("Mentoring"), status="suggested", source="recognised"
    )
    services.person_skills_pick(profile=profile, skills=[skill("Mentoring")])
    row = PersonSkill.objects.get(profile=profile)
    assert (row.status, row.source) == ("confirmed", "recognised")


def test_merge_moves_everyone_and_retires_the_source():
    """People holding the source hold the target; the source is merged and not current."""
    tutoring, teaching = skill("tutoring"), skill("teaching")
    profiles = [ProfileFactory() for _ in range(3)]
    for profile in profiles:
        PersonSkill.objects.create(profile=profile, skill=tutoring)
    result = services.skill_merge(source=tutoring, target=teaching)
    assert (result.moved, result.combined) == (3, 0)
    assert not PersonSkill.objects.filter(skill=tutoring).exists()
    assert PersonSkill.objects.filter(skill=teaching).count() == 3
    tutoring.refresh_from_db()
    assert (tutoring.merged_into, tutoring.is_current, tutoring.managed_by_file) == (
        teaching,
        False,
        False,
    )


def test_merge_adds_the_source_names_to_the_target_other_words():
    """The source's label and other words become other words for the target, once each."""
    tutoring, teaching = skill("tutoring"), skill("teaching")
    Skill.objects.filter(pk=tutoring.pk).update(alt_labels=["homework help", "Teaching"])
    Skill.objects.filter(pk=teaching.pk).update(alt_labels=["Homework help", "lessons"])
    tutoring.refresh_from_db()
    teaching.refresh_from_db()
    services.skill_merge(source=tutoring, target=teaching)
    teaching.refresh_from_db()
    assert teaching.alt_labels == ["Homework help", "lessons", "tutoring"]


@pytest.mark.parametrize(
    ("source_status", "target_status", "kept"),
    [
        ("confirmed", "suggested", "confirmed"),
        ("suggested", "confirmed", "confirmed"),
        ("suggested", "removed", "suggested"),
        ("removed", "suggested", "suggested"),
        ("removed", "removed", "removed"),
    ],
)
def test_someone_holding_both_keeps_one_row_with_the_stronger_status(
    source_status, target_status, kept
):
    """Confirmed beats suggested beats removed; the duplicate row is deleted."""
    profile = ProfileFactory()
    tutoring, teaching = skill("tutoring"), skill("teaching")
    PersonSkill.objects.create(profile=profile, skill=tutoring, status=source_status)
    PersonSkill.objects.create(profile=profile, skill=teaching, status=target_status)
    result = services.skill_merge(source=tutoring, target=teaching)
    assert (result.moved, result.combined) == (0, 1)
    assert list(PersonSkill.objects.filter(profile=profile).values_list("skill", "status")) == [
        (teaching.pk, kept)
    ]


def test_a_stronger_suggestion_keeps_its_evidence():
    """When the source row wins, its source, evidence and score come with it."""
    profile = ProfileFactory()
    tutoring, teaching = skill("tutoring"), skill("teaching")
    PersonSkill.objects.create(
        profile=profile, skill=tutoring, status="suggested", source="recognised",
        evidence="I help kids with maths", score=0.8,
    )  # fmt: skip
    PersonSkill.objects.create(profile=profile, skill=teaching, status="removed")
    services.skill_merge(source=tutoring, target=teaching)
    row = PersonSkill.objects.get(profile=profile)
    assert (row.status, row.source, row.evidence, row.score) == (
        "suggested",
        "recognised",
        "I help kids with maths",
        0.8,
    )


def test_a_skill_cannot_be_merged_into_itself():
    """Merging a skill into itself is refused and changes nothing."""
    cooking = skill("cooking")
    with pytest.raises(services.SkillMergeError, match="into itself"):
        services.skill_merge(source=cooking, target=cooking)
    assert skill("cooking").is_current is True


def test_merging_into_a_retired_skill_is_refused():
    """A retired skill cannot take others in; nobody's skills move."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("tutoring"))
    services.skill_retire(skill=skill("teaching"))
    with pytest.raises(services.SkillMergeError, match="not in use"):
        services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    assert PersonSkill.objects.get(profile=profile).skill == skill("tutoring")


def test_merging_into_a_merged_skill_is_refused():
    """A skill already merged away cannot take others in."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    with pytest.raises(services.SkillMergeError, match="not in use"):
        services.skill_merge(source=skill("mentoring"), target=skill("tutoring"))


def test_a_merged_skill_cannot_be_merged_again():
    """Merging a skill that was already merged is refused with where it went."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    with pytest.raises(services.SkillMergeError, match="already been merged into Teaching"):
        services.skill_merge(source=skill("tutoring"), target=skill("mentoring"))


def test_a_retired_skill_can_be_merged_into_one_in_use():
    """Tidying up: a retired skill's holders can be moved to a skill in use."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("tutoring"))
    services.skill_retire(skill=skill("tutoring"))
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    assert PersonSkill.objects.get(profile=profile).skill == skill("teaching")


def test_skills_merged_earlier_follow_to_the_new_target():
    """If A went into B and B now goes into C, A points at C."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    services.skill_merge(source=skill("teaching"), target=skill("mentoring"))
    assert skill("tutoring").merged_into == skill("mentoring")


def test_merge_calls_every_registered_handler(monkeypatch):
    """Other apps' handlers get the source and target, inside the merge."""
    calls = []
    monkeypatch.setattr(
        services, "MERGE_HANDLERS", [lambda s, t: calls.append(("a", s.slug, t.slug))]
    )
    services.MERGE_HANDLERS.append(lambda s, t: calls.append(("b", s.slug, t.slug)))
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    assert calls == [("a", "tutoring", "teaching"), ("b", "tutoring", "teaching")]


def test_a_failing_handler_leaves_nothing_merged(monkeypatch):
    """If any handler fails, nobody's skills move and the source stays as it was."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("tutoring"))

    def broken(source, target):
        raise RuntimeError("projects could not move")

    monkeypatch.setattr(services, "MERGE_HANDLERS", [broken])
    with pytest.raises(RuntimeError):
        services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    assert PersonSkill.objects.get(profile=profile).skill == skill("tutoring")
    assert skill("tutoring").merged_into is None
    assert "tutoring" not in skill("teaching").alt_labels


def test_the_database_refuses_a_merged_skill_in_use():
    """A merged skill marked current breaks a database constraint."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Skill.objects.filter(slug="tutoring").update(is_current=True)


def test_retiring_keeps_holders_and_reports_only_real_changes():
    """Retiring keeps people's rows; retiring twice reports no change the second time."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("cooking"))
    assert services.skill_retire(skill=skill("cooking")) is True
    assert services.skill_retire(skill=skill("cooking")) is False
    assert PersonSkill.objects.filter(profile=profile, skill__slug="cooking").exists()


def test_esco_category_is_made_once():
    """The default ESCO category is created when missing and reused after."""
    first = services.esco_category()
    assert services.esco_category() == first
    assert first.position == SkillCategory.objects.exclude(pk=first.pk).count()
