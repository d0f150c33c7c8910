import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions import services
from coproduce.champions.models import ChampionApplication, ChampionMessage, StreetChampion
from coproduce.people.models import Visibility
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory

from .factories import ApplicationFactory, StreetChampionFactory, officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _message_limit(settings):
    """The limit the lead adds to settings.RATE_LIMITS (see the report)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "champion_message": "5/h"}


def _people_on(street, n):
    for _ in range(n):
        ProfileFactory(street=street, ward=street.ward)


# Who may see what --------------------------------------------------------------------------------

PUBLIC = ["champions:coverage", "champions:coverage_csv"]
OFFICERS = ["champions:officer", "champions:coverage_officer", "champions:coverage_officer_csv"]
SIGNED_IN = ["champions:apply", "champions:mine", "champions:messages"]


@pytest.mark.parametrize("name", PUBLIC)
def test_coverage_is_public(client, name):
    """Anyone may see the public coverage page and its CSV."""
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", OFFICERS)
def test_officer_pages_are_for_officers_only(client, name):
    """Visitors are sent to sign in (or refused); residents are refused; officers see them."""
    assert client.get(reverse(name)).status_code in (302, 403)
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 403
    client.force_login(officer())
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", SIGNED_IN)
def test_own_pages_need_signing_in(client, name):
    """Visitors are sent to sign in; residents see their own page."""
    response = client.get(reverse(name))
    assert response.status_code == 302 and "sign-in" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 200


def test_application_page_is_for_officers_only(client):
    """Residents, even the applicant, cannot open the officer's answer page."""
    application = ApplicationFactory()
    url = reverse("champions:application", args=[application.pk])
    client.force_login(application.applicant)
    assert client.get(url).status_code == 403
    client.force_login(officer())
    assert client.get(url).status_code == 200


def test_end_role_page_is_for_officers_only(client):
    """Only officers see the form to end a role."""
    role = StreetChampionFactory()
    url = reverse("champions:end_role", args=[role.pk])
    client.force_login(role.champion)
    assert client.get(url).status_code == 403
    client.force_login(officer())
    assert client.get(url).status_code == 200


def test_champion_page_is_public_and_never_shows_an_email(client):
    """Anyone sees a champion's streets; never their email address."""
    role = StreetChampionFactory(champion=UserFactory(email="hidden@example.org"))
    response = client.get(reverse("champions:champion", args=[role.champion.pk]))
    assert response.status_code == 200
    assert role.street.name in response.text
    assert "hidden@example.org" not in response.text


def test_champion_page_respects_a_hidden_name(client):
    """A champion who shows their name to nobody appears as "A resident"."""
    person = UserFactory(display_name="Zebedee")
    ProfileFactory(user=person, visibility_identity=Visibility.ONLY_ME)
    StreetChampionFactory(champion=person)
    client.force_login(UserFactory())
    response = client.get(reverse("champions:champion", args=[person.pk]))
    assert "Zebedee" not in response.text and "A resident" in response.text


def test_someone_not_a_champion_has_no_page(client):
    """A person with no current street is not found."""
    role = StreetChampionFactory()
    services.champion_step_down(role=role, by=role.champion)
    assert client.get(reverse("champions:champion", args=[role.champion.pk])).status_code == 404


def test_street_pack_is_for_the_champion_and_officers(client):
    """Visitors go to sign in, other residents are refused; the champion and officers see it."""
    role = StreetChampionFactory()
    url = reverse("champions:pack", args=[role.champion.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(role.champion)
    assert client.get(url).status_code == 200
    client.force_login(officer())
    assert client.get(url).status_code == 200


# Applying and answering --------------------------------------------------------------------------


def test_apply_lists_the_streets_of_the_chosen_ward_narrowed_by_words(client):
    """?ward=<slug>&q=words lists matching streets as tick boxes, without JavaScript."""
    ward = WardFactory(slug="hazel")
    StreetFactory(ward=ward, name="Mill Lane")
    StreetFactory(ward=ward, name="Oak Road")
    client.force_login(UserFactory())
    response = client.get(reverse("champions:apply"), {"ward": "hazel", "q": "mill"})
    assert "Mill Lane" in response.text and "Oak Road" not in response.text
    assert 'type="checkbox"' in response.text


def test_apply_by_post_records_an_application(client):
    """Posting streets and a reason makes a waiting application."""
    street = StreetFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("champions:apply") + f"?ward={street.ward.slug}",
        {"streets": [street.pk], "why": "I know everyone."},
    )
    assert response.status_code == 302
    assert ChampionApplication.objects.filter(status="waiting").count() == 1


def test_apply_without_streets_is_a_400_with_an_error(client):
    """Nothing ticked: a specific error, status 400."""
    street = StreetFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("champions:apply") + f"?ward={street.ward.slug}", {"why": "Because."}
    )
    assert response.status_code == 400
    assert "Choose at least one street" in response.text


def test_an_unconfirmed_email_cannot_post_an_application(client):
    """Posting without a confirmed email is refused."""
    street = StreetFactory()
    client.force_login(UserFactory(email_verified_at=None))
    response = client.post(
        reverse("champions:apply") + f"?ward={street.ward.slug}",
        {"streets": [street.pk], "why": "Yes."},
    )
    assert response.status_code == 403
    assert not ChampionApplication.objects.exists()


def test_officer_approves_by_post(client):
    """The officer's yes makes the roles."""
    application = ApplicationFactory()
    client.force_login(officer())
    response = client.post(
        reverse("champions:application", args=[application.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    assert StreetChampion.objects.filter(champion=application.applicant).exists()


def test_declining_without_a_reason_is_a_400(client):
    """A no needs a reason."""
    application = ApplicationFactory()
    client.force_login(officer())
    response = client.post(
        reverse("champions:application", args=[application.pk]), {"decision": "decline"}
    )
    assert response.status_code == 400 and "Say why" in response.text


def test_a_resident_cannot_post_an_answer(client):
    """Posting an answer as a resident is refused and changes nothing."""
    application = ApplicationFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("champions:application", args=[application.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    assert not StreetChampion.objects.exists()


def test_step_down_by_post(client):
    """The champion's button ends their role."""
    role = StreetChampionFactory()
    client.force_login(role.champion)
    assert client.post(reverse("champions:step_down", args=[role.pk])).status_code == 302
    role.refresh_from_db()
    assert role.ended_at is not None


def test_someone_else_cannot_step_down_for_a_champion(client):
    """Another resident's post is refused."""
    role = StreetChampionFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("champions:step_down", args=[role.pk])).status_code == 403


def test_officer_ends_a_role_by_post(client):
    """An officer's reason ends the role."""
    role = StreetChampionFactory()
    client.force_login(officer())
    response = client.post(reverse("champions:end_role", args=[role.pk]), {"reason": "Moved."})
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.end_reason == "Moved."


def test_withdraw_by_post(client):
    """The applicant's button withdraws the waiting application."""
    application = ApplicationFactory()
    client.force_login(application.applicant)
    assert client.post(reverse("champions:withdraw")).status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"


# Contact your champion ---------------------------------------------------------------------------


def test_contact_needs_signing_in(client):
    """Visitors are sent to sign in."""
    role = StreetChampionFactory()
    response = client.get(reverse("champions:contact", args=[role.champion.pk]))
    assert response.status_code == 302


def test_contact_sends_a_message(client):
    """A signed-in resident's message is stored and the champion notified."""
    role = StreetChampionFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("champions:contact", args=[role.champion.pk]),
        {"body": "Can you help?", "street": role.street.pk},
    )
    assert response.status_code == 302
    message = ChampionMessage.objects.get()
    assert message.street == role.street and message.share_email is False


def test_an_empty_message_is_a_400(client):
    """No words: a specific error."""
    role = StreetChampionFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("champions:contact", args=[role.champion.pk]), {"body": ""})
    assert response.status_code == 400 and "Write your message" in response.text


def test_contact_is_limited(client):
    """The sixth message in an hour is refused with 429."""
    role = StreetChampionFactory()
    client.force_login(UserFactory())
    url = reverse("champions:contact", args=[role.champion.pk])
    for _ in range(5):
        assert client.post(url, {"body": "Hi."}).status_code == 302
    assert client.post(url, {"body": "Hi."}).status_code == 429
    assert ChampionMessage.objects.count() == 5
