import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from coproduce.accounts.roles import ROLE_PERMISSIONS, Role, roles_sync
from coproduce.accounts.services import user_set_roles
from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills import services
from coproduce.skills.models import PersonSkill, Skill
from coproduce.skills.tests.factories import skill

pytestmark = pytest.mark.django_db

# What officers need to add, retire and merge skills (see coproduce/accounts/roles.py).
SKILL_PERMISSIONS = {
    "skills.view_skill",
    "skills.add_skill",
    "skills.change_skill",
    "skills.view_skillcategory",
}
CHANGELIST = reverse("admin:skills_skill_changelist")
ADD = reverse("admin:skills_skill_add")


@pytest.fixture
def officer_client(client, monkeypatch):
    """A signed-in council officer, with the skill permissions the officer role grants."""
    officer_permissions = ROLE_PERMISSIONS[Role.OFFICER] | SKILL_PERMISSIONS
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.OFFICER, officer_permissions)
    roles_sync()
    client.force_login(user_set_roles(user=UserFactory(), roles=[Role.OFFICER]))
    return client


def _action(client, action, skills, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [s.pk for s in skills], **extra}
    return client.post(CHANGELIST, data, follow=True)


def _form(skill_obj: Skill, **changes) -> dict:
    data = {
        "name": skill_obj.name,
        "description": skill_obj.description,
        "category": skill_obj.category_id,
        "alt_labels": "\n".join(skill_obj.alt_labels),
        "esco_uri": skill_obj.esco_uri,
        "is_current": "on" if skill_obj.is_current else "",
    }
    return {**data, **changes}


def test_the_officer_role_grants_the_skill_permissions():
    """Officers hold every permission the skill admin needs."""
    assert ROLE_PERMISSIONS[Role.OFFICER] >= SKILL_PERMISSIONS


def test_officers_see_the_skills_in_the_admin(officer_client, django_assert_max_num_queries):
    """The skill list opens for officers in a fixed number of queries."""
    with django_assert_max_num_queries(15):
        response = officer_client.get(CHANGELIST)
    assert response.status_code == 200
    assert "Event planning" in response.text


def test_residents_and_visitors_cannot_open_the_skill_admin(client):
    """Visitors are sent to sign in; a resident, not staff, is too."""
    assert client.get(CHANGELIST).status_code == 302
    client.force_login(UserFactory())
    assert client.get(CHANGELIST).status_code == 302
    assert (
        client.post(
            CHANGELIST, {"action": "retire_skills", ACTION_CHECKBOX_NAME: [skill("cooking").pk]}
        ).status_code
        == 302
    )
    assert skill("cooking").is_current is True


def test_staff_without_the_permission_cannot_change_skills(client):
    """Admin access alone is not enough to retire a skill."""
    client.force_login(UserFactory(is_staff=True))
    assert client.get(CHANGELIST).status_code == 403
    client.post(
        CHANGELIST, {"action": "retire_skills", ACTION_CHECKBOX_NAME: [skill("cooking").pk]}
    )
    assert skill("cooking").is_current is True


def test_an_officer_adds_a_skill_the_file_will_not_retire(officer_client):
    """A skill added in the admin is the officer's: a sync keeps it in use."""
    data = _form(skill("cooking"), name="canal boat skills", description="Locks and ropes.")
    response = officer_client.post(
        ADD, {**data, "slug": "canal-boat-skills", "alt_labels": "narrowboats\n\nlocks"}
    )
    assert response.status_code == 302
    added = Skill.objects.get(slug="canal-boat-skills")
    assert (added.alt_labels, added.managed_by_file, added.is_current) == (
        ["narrowboats", "locks"],
        False,
        True,
    )
    services.taxonomy_sync()
    assert Skill.objects.get(slug="canal-boat-skills").is_current is True


def test_an_officer_edit_is_kept_through_a_sync(officer_client):
    """Changing a shipped skill takes it out of the file's hands."""
    cooking = skill("cooking")
    url = reverse("admin:skills_skill_change", args=[cooking.pk])
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, _form(cooking, description="Meals for big groups."))
    assert response.status_code == 302
    services.taxonomy_sync()
    cooking.refresh_from_db()
    assert (cooking.description, cooking.managed_by_file) == ("Meals for big groups.", False)
    assert cooking.slug == "cooking"


def test_saving_without_a_change_leaves_the_skill_to_the_file(officer_client):
    """Pressing save on an unchanged skill does not take it out of the file's hands."""
    cooking = skill("cooking")
    url = reverse("admin:skills_skill_change", args=[cooking.pk])
    assert officer_client.post(url, _form(cooking)).status_code == 302
    assert skill("cooking").managed_by_file is True


def test_a_merged_skill_cannot_be_put_back_in_use(officer_client):
    """Ticking "in use" on a merged skill is a form error, not a database error."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    tutoring = skill("tutoring")
    url = reverse("admin:skills_skill_change", args=[tutoring.pk])
    response = officer_client.post(url, _form(tutoring, is_current="on"))
    assert response.status_code == 200
    assert "cannot be in use again" in response.text
    assert skill("tutoring").is_current is False


def test_retire_action_retires_and_the_file_does_not_bring_them_back(officer_client):
    """Retired skills stay retired after a sync; their holders keep them."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("cooking"))
    response = _action(officer_client, "retire_skills", [skill("cooking"), skill("driving")])
    assert "2 skills retired" in response.text
    services.taxonomy_sync()
    assert not Skill.objects.filter(slug__in=["cooking", "driving"], is_current=True).exists()
    assert PersonSkill.objects.filter(profile=profile, skill__slug="cooking").exists()


def test_merge_action_asks_for_the_target_first(officer_client):
    """Choosing merge shows a page to pick the skill to merge into, changing nothing yet."""
    response = _action(officer_client, "merge_skills", [skill("tutoring"), skill("mentoring")])
    assert response.status_code == 200
    assert "Merge into" in response.text and "Tutoring" in response.text
    assert skill("tutoring").is_current is True


def test_merge_action_merges_into_the_chosen_skill(officer_client):
    """Picking a target merges every selected skill but the target into it."""
    profile = ProfileFactory()
    PersonSkill.objects.create(profile=profile, skill=skill("tutoring"))
    teaching = skill("teaching")
    response = _action(
        officer_client,
        "merge_skills",
        [skill("tutoring"), skill("mentoring"), teaching],
        apply="yes",
        target=teaching.pk,
    )
    assert "Merged Mentoring, Tutoring into Teaching" in response.text
    assert PersonSkill.objects.get(profile=profile).skill == teaching
    assert skill("mentoring").merged_into == teaching
    assert teaching.is_current is True and skill("teaching").merged_into is None


def test_merging_a_skill_into_itself_is_refused(officer_client):
    """Selecting only the target gives a clear message and merges nothing."""
    teaching = skill("teaching")
    response = _action(officer_client, "merge_skills", [teaching], apply="yes", target=teaching.pk)
    assert "cannot be merged into itself" in response.text
    assert skill("teaching").is_current is True


def test_merging_into_a_retired_skill_is_refused(officer_client):
    """A retired target is not offered, and a crafted one gets a clear error."""
    services.skill_retire(skill=skill("teaching"))
    response = _action(
        officer_client,
        "merge_skills",
        [skill("tutoring")],
        apply="yes",
        target=skill("teaching").pk,
    )
    assert response.status_code == 200
    assert "a retired or merged skill cannot take others in" in response.text
    assert skill("tutoring").merged_into is None


def test_merging_an_already_merged_skill_is_refused_and_nothing_moves(officer_client):
    """If any selected skill cannot be merged, none is, and the officer is told why."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    mentoring, befriending = skill("mentoring"), skill("befriending")
    response = _action(
        officer_client,
        "merge_skills",
        [mentoring, skill("tutoring")],
        apply="yes",
        target=befriending.pk,
    )
    assert "Nothing was merged" in response.text
    assert "already been merged into Teaching" in response.text
    assert skill("mentoring").merged_into is None
