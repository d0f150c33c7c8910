"""Skills recognised in a person's own words: shown, and saved only when they say yes."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills.models import PersonSkill
from coproduce.skills.tests.factories import skill

pytestmark = pytest.mark.django_db

FETE = "I run the school fete every summer and I do the books for the bowls club."


def _signed_in(client, **profile):
    person = ProfileFactory(**profile)
    client.force_login(person.user)
    return person


def test_saving_new_words_leads_to_the_suggestions_and_stores_nothing(client):
    """Editing 'what I can do' shows suggestions next; no skill is stored by that."""
    person = _signed_in(client, what_i_can_do="")
    data = {
        "what_i_can_do": FETE,
        **{f"visibility_{p}": "only_me" for p in ["skills", "passions", "ambitions"]},
        "visibility_identity": "members",
        "visibility_languages": "only_me",
        "visibility_availability": "only_me",
        "visibility_access_needs": "only_me",
    }
    response = client.post(reverse("people:edit"), data)
    assert response["Location"] == reverse("skills:review")
    page = client.get(reverse("skills:review")).text
    assert "Event planning" in page
    assert "school fete" in page
    assert not PersonSkill.objects.filter(profile=person).exists()


def test_only_ticked_skills_are_added_and_the_rest_not_suggested_again(client):
    """Yes adds the skill with the words that suggested it; unticked ones are not added."""
    person = _signed_in(client, what_i_can_do=FETE)
    response = client.post(reverse("skills:review"), {"accepted": ["event-planning"]})
    assert response.status_code == 302
    saved = PersonSkill.objects.get(profile=person, status="confirmed")
    assert (saved.skill.slug, saved.source) == ("event-planning", "recognised")
    assert "fete" in saved.evidence
    assert not PersonSkill.objects.filter(profile=person, status="suggested").exists()
    page = client.get(reverse("skills:review")).text
    assert "Event planning" not in page


def test_a_skill_that_was_not_suggested_cannot_be_slipped_in(client):
    """Only suggested skills can be accepted on this page."""
    person = _signed_in(client, what_i_can_do=FETE)
    response = client.post(reverse("skills:review"), {"accepted": ["plumbing"]})
    assert response.status_code == 400
    assert "Choose from the skills we suggested" in response.text
    assert not PersonSkill.objects.filter(profile=person).exists()


def test_skills_already_held_are_not_suggested(client):
    """A skill the person already has is left out."""
    person = _signed_in(client, what_i_can_do=FETE)
    PersonSkill.objects.create(profile=person, skill=skill("event planning"))
    assert "Event planning." not in client.get(reverse("skills:review")).text


def test_live_suggestions_need_sign_in_and_never_save(client):
    """The JSON endpoint is for signed-in people, answers suggestions, and stores nothing."""
    assert client.get(reverse("skills:suggest"), {"text": FETE}).status_code == 302
    person = _signed_in(client)
    data = client.get(reverse("skills:suggest"), {"text": FETE}).json()
    assert {"event-planning", "bookkeeping"} <= {s["key"] for s in data["suggestions"]}
    assert not PersonSkill.objects.filter(profile=person).exists()


def test_live_suggestions_refuse_very_long_text(client):
    """Over 2,000 characters is a 400 with a reason."""
    _signed_in(client)
    response = client.get(reverse("skills:suggest"), {"text": "a" * 2001})
    assert response.status_code == 400
    assert "2000 characters" in response.json()["error"]


def test_review_needs_sign_in(client):
    """Visitors are sent to sign in."""
    assert client.get(reverse("skills:review")).status_code == 302


def test_review_without_a_profile_goes_to_the_profile_form(client):
    """No profile yet: fill it in first."""
    client.force_login(UserFactory())
    assert client.get(reverse("skills:review"))["Location"] == reverse("people:edit")
