import pytest

from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills import services
from coproduce.skills.models import PersonSkill, Skill
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


def test_picking_confirms_chosen_and_removes_the_rest():
    """Skills ticked are confirmed; skills unticked are marked removed, not deleted."""
    profile = ProfileFactory()
    services.person_skills_pick(profile=profile, skills=[skill("Cooking"), skill("Gardening")])
    services.person_skills_pick(profile=profile, skills=[skill("Cooking")])
    statuses = dict(
        PersonSkill.objects.filter(profile=profile).values_list("skill__name", "status")
    )
    assert statuses == {"Cooking": "confirmed", "Gardening": "removed"}


def test_picking_confirms_a_suggested_skill():
    """Ticking a skill the engine suggested confirms that same row."""
    profile = ProfileFactory()
    PersonSkill.objects.create(
        profile=profile, skill=skill("Mentoring"), status="suggested", source="recognised"
    )
    services.person_skills_pick(profile=profile, skills=[skill("Mentoring")])
    row = PersonSkill.objects.get(profile=profile)
    assert (row.status, row.source) == ("confirmed", "recognised")
