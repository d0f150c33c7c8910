import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills.models import PersonSkill
from coproduce.skills.tests.factories import skill

pytestmark = pytest.mark.django_db


def test_anyone_can_read_the_skill_list(client, django_assert_max_num_queries):
    """The list of skills is public and takes a fixed number of queries."""
    with django_assert_max_num_queries(3):
        response = client.get("/skills/")
    assert response.status_code == 200
    assert "British Sign Language" in response.text


def test_choosing_skills_needs_sign_in(client):
    """Visitors are sent to sign in."""
    response = client.get("/skills/mine/")
    assert response.status_code == 302
    assert "/account/" in response["Location"]


def test_people_without_a_profile_are_sent_to_make_one(client):
    """You fill in a profile before choosing skills."""
    client.force_login(UserFactory())
    assert client.get("/skills/mine/")["Location"] == "/people/me/edit/"


def test_ticked_skills_are_saved(client):
    """Ticking skills saves them as confirmed."""
    profile = ProfileFactory()
    client.force_login(profile.user)
    cooking = skill("Cooking")
    response = client.post("/skills/mine/", {"category_food-and-growing": [cooking.pk]})
    assert response.status_code == 302
    assert PersonSkill.objects.get(profile=profile).skill == cooking


def test_a_skill_not_in_the_list_is_a_form_error(client):
    """A crafted skill id gets a clear error and nothing is saved."""
    profile = ProfileFactory()
    client.force_login(profile.user)
    response = client.post("/skills/mine/", {"category_food-and-growing": ["99999"]})
    assert response.status_code == 200
    assert "Choose skills from the list" in response.text
    assert not PersonSkill.objects.exists()


@pytest.mark.parametrize(
    ("level", "visitor_sees", "member_sees"),
    [("public", True, True), ("members", False, True), ("only_me", False, False)],
)
def test_skills_follow_the_skills_privacy_level(client, level, visitor_sees, member_sees):
    """A person's confirmed skills show only to those their skills level allows."""
    profile = ProfileFactory(visibility_identity="public", visibility_skills=level)
    PersonSkill.objects.create(profile=profile, skill=skill("Bicycle repair"))
    PersonSkill.objects.create(profile=profile, skill=skill("Cooking"), status="removed")
    page = client.get(f"/people/{profile.pk}/").text
    assert ("Bicycle repair" in page) is visitor_sees
    client.force_login(UserFactory())
    page = client.get(f"/people/{profile.pk}/").text
    assert ("Bicycle repair" in page) is member_sees
    assert "Cooking" not in page
