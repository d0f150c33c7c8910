import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.services import user_set_roles
from coproduce.accounts.tests.factories import UserFactory
from coproduce.people import selectors
from coproduce.people.models import Profile

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db

SECRET_SKILL = "I keep the books for the allotment society"
SECRET_NEEDS = "I need a hearing loop"


def _person(**visibilities) -> Profile:
    profile = ProfileFactory(what_i_can_do=SECRET_SKILL, access_needs=SECRET_NEEDS)
    for part, level in visibilities.items():
        setattr(profile, f"visibility_{part}", level)
    profile.save()
    return profile


def _viewer(kind: str):
    if kind == "visitor":
        return None
    user = UserFactory()
    if kind != "resident":
        user_set_roles(user=user, roles=[Role(kind)])
    return user


def _page(client, viewer, profile):
    if viewer is not None:
        client.force_login(viewer)
    return client.get(reverse("people:detail", args=[profile.pk]))


VIEWERS = ["visitor", "resident", "organiser", "officer", "moderator", "administrator"]


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_default_profile_shows_only_name_to_members(client, viewer_kind):
    """By default members see only name and ward; visitors see nothing; no role sees more."""
    profile = _person()
    response = _page(client, _viewer(viewer_kind), profile)
    if viewer_kind == "visitor":
        assert response.status_code == 404
        return
    body = response.content.decode()
    assert response.status_code == 200
    assert profile.user.display_name in body
    assert SECRET_SKILL not in body
    assert SECRET_NEEDS not in body


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_public_skills_are_seen_by_everyone(client, viewer_kind):
    """Skills made public are shown to every viewer, signed in or not."""
    profile = _person(identity="public", skills="public")
    assert SECRET_SKILL in _page(client, _viewer(viewer_kind), profile).content.decode()


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_organisers_only_parts_are_hidden_from_roles(client, viewer_kind):
    """'Organisers of projects I join' is about the relation, not the role: no role opens it."""
    profile = _person(identity="public", skills="organisers", access_needs="organisers")
    body = _page(client, _viewer(viewer_kind), profile).content.decode()
    assert SECRET_SKILL not in body
    assert SECRET_NEEDS not in body


def test_organisers_of_something_joined_see_organiser_parts(client):
    """A registered organiser relation opens the parts shared with organisers."""
    profile = _person(skills="organisers")
    organiser = UserFactory()

    def runs_their_group(viewer, person):
        return viewer.pk == organiser.pk and person.pk == profile.user.pk

    selectors.register_organiser_check(runs_their_group)
    try:
        assert SECRET_SKILL in _page(client, organiser, profile).content.decode()
    finally:
        selectors.ORGANISER_CHECKS.remove(runs_their_group)


def test_only_me_parts_are_seen_by_the_person(client):
    """A person always sees everything they shared on their own profile page."""
    profile = _person(identity="only_me")
    client.force_login(profile.user)
    body = client.get(reverse("people:me")).content.decode()
    assert SECRET_SKILL in body
    assert SECRET_NEEDS in body
    assert _page(client, UserFactory(), profile).status_code == 404


def test_profile_pages_need_sign_in(client):
    """Your own profile pages send visitors to sign in."""
    for name in ["me", "edit"]:
        response = client.get(reverse(f"people:{name}"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:sign_in"))


def _form_data(**overrides):
    data = {
        "ward": "",
        "visibility_identity": "members",
        "what_i_can_do": "I run the school fete",
        "visibility_skills": "public",
        "what_i_care_about": "",
        "visibility_passions": "only_me",
        "what_i_would_like_to_do": "",
        "visibility_ambitions": "only_me",
        "languages": "English, Twi",
        "visibility_languages": "members",
        "available_days": ["sat", "sun"],
        "available_times": ["morning"],
        "hours_per_month": "6",
        "travel": "ward",
        "visibility_availability": "members",
        "access_needs": "",
        "visibility_access_needs": "only_me",
        "show_on_map": "on",
    }
    return data | overrides


def test_first_save_creates_the_profile(client):
    """Filling in the form the first time creates the profile with the choices made."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("people:edit"), _form_data())
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.what_i_can_do == "I run the school fete"
    assert profile.available_days == ["sat", "sun"]
    assert profile.hours_per_month == 6
    assert profile.visibility_skills == "public"
    assert profile.show_on_map and not profile.open_to_invitations


def test_access_needs_cannot_be_made_public_by_a_crafted_form(client):
    """A form that tries to make access needs public is refused and nothing is saved."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("people:edit"), _form_data(visibility_access_needs="public"))
    assert response.status_code == 200
    assert "Choose one of the options" in response.content.decode()
    assert not Profile.objects.filter(user=user).exists()


def test_bad_hours_get_a_clear_message(client):
    """Hours that are not a number get a plain message."""
    client.force_login(UserFactory())
    response = client.post(reverse("people:edit"), _form_data(hours_per_month="lots"))
    assert "Enter hours as a whole number" in response.content.decode()


def test_script_in_profile_is_shown_as_text(client):
    """What someone types is escaped when shown."""
    profile = _person(identity="public", skills="public")
    profile.what_i_can_do = "<script>alert('x')</script>"
    profile.save()
    body = client.get(reverse("people:detail", args=[profile.pk])).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body
