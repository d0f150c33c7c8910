"""Group pages for the people who run a group: adding a group, changing it, and managing its
members."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership, Organisation
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory

from .factories import MembershipFactory, OrganisationFactory, OrganiserFactory
from .pages import login, someone, url

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    return {
        "name": "Hazel Park Friends",
        "kind": "community_group",
        "description": "We look after Hazel Park.",
        "ward": "",
        "base": "",
        "website": "",
        "email": "",
        "phone": "",
        "is_listed": "on",
    } | overrides


# Adding and changing ---------------------------------------------------------------------


def test_adding_a_group_needs_sign_in(client):
    """Visitors are sent to sign in."""
    response = client.get(url("create"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


def test_signed_in_people_add_a_group_and_organise_it(client):
    """The form makes the group and its creator its organiser."""
    user = UserFactory()
    login(client, user)
    assert client.get(url("create")).status_code == 200
    response = client.post(url("create"), _form())
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == url("detail", organisation)
    assert organisation.memberships.get().user == user
    assert organisation.memberships.get().role == Membership.Role.ORGANISER


def test_a_group_without_a_name_gets_a_clear_error(client):
    """Leaving out the name shows an error summary and makes nothing."""
    login(client, UserFactory())
    body = client.post(url("create"), _form(name="")).content.decode()
    assert "There is a problem" in body
    assert "Enter the name of the group" in body
    assert not Organisation.objects.exists()


def test_a_made_up_kind_or_place_is_refused(client):
    """Values not offered in the form are refused with a message."""
    login(client, UserFactory())
    body = client.post(url("create"), _form(kind="cult", base="99999")).content.decode()
    assert "Choose one of the options" in body
    assert "Choose a place from the list" in body
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("stranger", 403),
        ("member", 403),
        ("organiser_role", 403),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_only_organisers_and_officers_may_change_a_group(client, viewer, status):
    """The change page is for the group's organisers and council officers."""
    organisation = OrganisationFactory()
    user = someone(viewer, organisation)
    assert login(client, user).get(url("edit", organisation)).status_code == status


def test_changing_a_group_needs_sign_in(client):
    """Visitors are sent to sign in."""
    response = client.get(url("edit", OrganisationFactory()))
    assert response.status_code == 302


def test_members_cannot_post_changes(client):
    """A member who posts the change form gets 403 and nothing changes."""
    membership = MembershipFactory()
    organisation = membership.organisation
    response = login(client, membership.user).post(url("edit", organisation), _form(name="Mine"))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Mine"


def test_organisers_save_changes(client):
    """The organiser's changes are saved and the slug stays."""
    organiser = OrganiserFactory()
    organisation = organiser.organisation
    response = login(client, organiser.user).post(
        url("edit", organisation), _form(name="Renamed", is_listed="")
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Renamed"
    assert organisation.is_listed is False
    assert response.url == url("detail", organisation)


def test_edit_page_of_an_unlisted_group_is_not_found_for_strangers(client):
    """Strangers cannot learn an unlisted group exists from its change page."""
    organisation = OrganisationFactory(is_listed=False)
    assert login(client, UserFactory()).get(url("edit", organisation)).status_code == 404


# Managing members ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("stranger", 403),
        ("member", 403),
        ("organiser_role", 403),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_only_organisers_and_officers_manage_members(client, viewer, status):
    """The members page is for the group's organisers and council officers."""
    organisation = OrganisationFactory()
    user = someone(viewer, organisation)
    assert login(client, user).get(url("members", organisation)).status_code == status


def test_managing_members_needs_sign_in(client):
    """Visitors are sent to sign in."""
    assert client.get(url("members", OrganisationFactory())).status_code == 302


def test_organisers_ask_a_member_to_be_an_organiser(client):
    """Pressing 'Ask to be an organiser' asks them; their role waits for their answer."""
    organiser = OrganiserFactory()
    member = MembershipFactory(organisation=organiser.organisation)
    response = login(client, organiser.user).post(
        url("members", organiser.organisation), {"membership": member.pk, "role": "organiser"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER
    assert member.user.organiser_invitations.get().status == "pending"


def test_the_last_organiser_cannot_step_down(client):
    """Making the only organiser a member shows a plain error and changes nothing."""
    organiser = OrganiserFactory()
    response = login(client, organiser.user).post(
        url("members", organiser.organisation), {"membership": organiser.pk, "role": "member"}
    )
    assert response.status_code == 400
    assert "A group needs at least one organiser." in response.content.decode()
    organiser.refresh_from_db()
    assert organiser.role == Membership.Role.ORGANISER


def test_members_of_another_group_cannot_be_changed_from_here(client):
    """A membership from another group is refused with a message."""
    organiser = OrganiserFactory()
    elsewhere = MembershipFactory()
    response = login(client, organiser.user).post(
        url("members", organiser.organisation), {"membership": elsewhere.pk, "role": "organiser"}
    )
    assert response.status_code == 400
    assert "That person is not a member of this group" in response.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.role == Membership.Role.MEMBER


def test_members_cannot_post_role_changes(client):
    """A member posting to the members page is refused and stays a member."""
    member = MembershipFactory()
    response = login(client, member.user).post(
        url("members", member.organisation), {"membership": member.pk, "role": "organiser"}
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER


def test_members_page_keeps_private_names_private(client):
    """Even the organiser sees 'only me' names as hidden, but can still change their role."""
    organiser = OrganiserFactory()
    # A name no other test person can have: a random one may match the organiser's.
    private = ProfileFactory(visibility_identity="only_me", user__display_name="Zebedee Quill").user
    membership = MembershipFactory(organisation=organiser.organisation, user=private)
    body = login(client, organiser.user).get(url("members", organiser.organisation)).content
    assert private.display_name.encode() not in body
    assert b"A member who has not shared their name" in body
    assert f'value="{membership.pk}"'.encode() in body


def test_change_form_starts_with_the_current_details(client):
    """The change form shows the group's current ward and meeting place as chosen."""
    place = PlaceFactory()
    organiser = OrganiserFactory(organisation__base=place)
    organisation = organiser.organisation
    body = login(client, organiser.user).get(url("edit", organisation)).content.decode()
    assert f'<option value="{organisation.ward_id}" selected>' in body
    assert f'<option value="{place.pk}" selected>' in body
    assert f'value="{organisation.name}"' in body
