"""Group pages everyone uses: the list of groups, a group's page and who it names, and joining
and leaving."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory

from .factories import MembershipFactory, OrganisationFactory, OrganiserFactory
from .pages import login, someone, url

pytestmark = pytest.mark.django_db


# The list --------------------------------------------------------------------------------


def test_everyone_sees_the_list_of_listed_groups(client):
    """Visitors see listed groups with their member counts, never unlisted ones."""
    listed = OrganisationFactory(name="Canal Friends")
    MembershipFactory.create_batch(6, organisation=listed)
    OrganisationFactory(name="Secret Supper Club", is_listed=False)
    body = client.get(url("list")).content.decode()
    assert "Canal Friends" in body
    assert "Secret Supper Club" not in body
    assert 'aria-hidden="true">Members: </span>6</td>' in body


def test_a_group_of_1_to_4_members_shows_fewer_than_5(client):
    """A small group's member count says "fewer than 5" on the list and on its page."""
    small = OrganisationFactory(name="Canal Friends")
    MembershipFactory.create_batch(3, organisation=small)
    cell = 'aria-hidden="true">Members: </span>fewer than 5</td>'
    assert cell in client.get(url("list")).content.decode()
    assert '<dd class="govuk-summary-list__value">fewer than 5</dd>' in (
        client.get(url("detail", small)).content.decode()
    )


def test_list_filters_by_kind_ward_and_words(client):
    """The filters in the query string narrow the list."""
    ward = WardFactory(slug="hazel")
    OrganisationFactory(name="Hazel Health Centre", kind="nhs", ward=ward)
    OrganisationFactory(name="Hazel Choir", ward=ward)
    OrganisationFactory(name="Canal Health Centre", kind="nhs")
    body = client.get(url("list"), {"kind": "nhs", "ward": "hazel", "q": "health"}).content
    assert b"Hazel Health Centre" in body
    assert b"Hazel Choir" not in body
    assert b"Canal Health Centre" not in body


def test_a_bad_filter_gets_a_clear_message(client):
    """An unknown ward is explained in an error summary, and the other filters still apply."""
    OrganisationFactory(name="Hazel Choir")
    response = client.get(url("list"), {"ward": "atlantis", "q": "choir"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose a ward from the list" in body
    assert "Hazel Choir" in body


def test_list_is_paginated(client):
    """Twenty groups a page, with a link to the next page."""
    OrganisationFactory.create_batch(25)
    first = client.get(url("list")).content.decode()
    second = client.get(url("list"), {"page": 2}).content.decode()
    assert "Test Group" in first and "page 1 of 2" in first
    assert first.count('<th scope="row"') == 20
    assert second.count('<th scope="row"') == 5


def test_list_query_count_does_not_grow_with_groups(client, django_assert_num_queries):
    """The list takes the same few queries for 3 groups or 20, each with members."""
    for organisation in OrganisationFactory.create_batch(3):
        MembershipFactory.create_batch(2, organisation=organisation)
    # Wards for the filter, the count, the page of groups with their counts and wards.
    with django_assert_num_queries(3):
        client.get(url("list"))
    for organisation in OrganisationFactory.create_batch(17):
        MembershipFactory(organisation=organisation)
    with django_assert_num_queries(3):
        client.get(url("list"))


def test_signed_in_people_are_offered_to_add_a_group(client):
    """The add button shows for people signed in; visitors are invited to sign in."""
    assert url("create") not in client.get(url("list")).content.decode()
    login(client, UserFactory())
    assert url("create") in client.get(url("list")).content.decode()


# The group's page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("visitor", 404),
        ("stranger", 404),
        ("organiser_role", 404),
        ("member", 200),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_unlisted_groups_are_seen_only_by_members_and_officers(client, viewer, status):
    """An unlisted group is not found for anyone but its members and council officers."""
    organisation = OrganisationFactory(is_listed=False)
    user = someone(viewer, organisation)
    assert login(client, user).get(url("detail", organisation)).status_code == status


@pytest.mark.parametrize("viewer", ["visitor", "stranger", "member", "organiser"])
def test_listed_groups_are_seen_by_everyone(client, viewer):
    """A listed group's page is public."""
    organisation = OrganisationFactory()
    user = someone(viewer, organisation)
    assert login(client, user).get(url("detail", organisation)).status_code == 200


def test_group_page_shows_details_and_where_it_meets(client):
    """Description, kind, ward, contact and a link to the place where it meets."""
    place = PlaceFactory(name="Hazel Hall")
    organisation = OrganisationFactory(
        base=place, email="hello@hazel.example.org", phone="020 7946 0123"
    )
    body = client.get(url("detail", organisation)).content.decode()
    assert organisation.description in body
    assert "Community group" in body
    assert organisation.ward.name in body
    assert f'href="/places/{place.pk}/"' in body
    assert "hello@hazel.example.org" in body
    assert "020 7946 0123" in body


def test_group_page_names_members_only_as_they_allow(client):
    """Visitors see public names and a count of the rest; members' private names stay hidden."""
    organisation = OrganisationFactory()
    public = ProfileFactory(visibility_identity="public").user
    members_only = ProfileFactory(visibility_identity="members").user
    for user in (public, members_only):
        MembershipFactory(organisation=organisation, user=user)
    body = client.get(url("detail", organisation)).content.decode()
    assert public.display_name in body
    assert members_only.display_name not in body
    assert "fewer than 5 more members who have not shared their names with you" in body
    login(client, UserFactory())
    assert members_only.display_name in client.get(url("detail", organisation)).content.decode()


def test_member_details_never_leak_contact_or_skills(client):
    """The page names members at most: never their email or what they wrote."""
    organisation = OrganisationFactory()
    profile = ProfileFactory(
        visibility_identity="public", visibility_skills="public", what_i_can_do="I juggle fire"
    )
    MembershipFactory(organisation=organisation, user=profile.user)
    body = client.get(url("detail", organisation)).content.decode()
    assert profile.user.email not in body
    assert "I juggle fire" not in body


def test_what_groups_write_is_escaped(client):
    """A group's description is shown as text, not run as script."""
    organisation = OrganisationFactory(description="<script>alert('x')</script>")
    body = client.get(url("detail", organisation)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


def test_join_and_leave_buttons_match_membership(client):
    """Non-members get a join button; members a leave button; visitors a sign-in link."""
    organisation = OrganisationFactory()
    assert url("join", organisation) not in client.get(url("detail", organisation)).content.decode()
    login(client, UserFactory())
    assert url("join", organisation) in client.get(url("detail", organisation)).content.decode()
    login(client, MembershipFactory(organisation=organisation).user)
    body = client.get(url("detail", organisation)).content.decode()
    assert url("leave", organisation) in body
    assert url("join", organisation) not in body


# Joining and leaving ---------------------------------------------------------------------


def test_joining_needs_sign_in(client):
    """A visitor who tries to join is sent to sign in and nothing changes."""
    organisation = OrganisationFactory()
    response = client.post(url("join", organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
    assert not organisation.memberships.exists()


def test_joining_is_a_post(client):
    """Following a link cannot join anyone to a group."""
    organisation = OrganisationFactory()
    login(client, UserFactory())
    assert client.get(url("join", organisation)).status_code == 405
    assert not organisation.memberships.exists()


def test_joining_checks_the_csrf_token():
    """A join sent from another site, without the form's token, is refused."""
    organisation = OrganisationFactory()
    client = login(Client(enforce_csrf_checks=True), UserFactory())
    assert client.post(url("join", organisation)).status_code == 403
    assert not organisation.memberships.exists()


def test_signed_in_people_join_a_listed_group(client):
    """Pressing join makes the person a member and says so."""
    organisation = OrganisationFactory()
    user = UserFactory()
    response = login(client, user).post(url("join", organisation), follow=True)
    assert Membership.objects.filter(organisation=organisation, user=user).exists()
    assert "You have joined" in response.content.decode()


def test_joining_twice_gets_a_clear_message(client):
    """A member who presses join again is told they are already a member."""
    membership = MembershipFactory()
    response = login(client, membership.user).post(url("join", membership.organisation))
    assert response.status_code == 400
    assert "You are already a member of this group." in response.content.decode()


def test_unlisted_groups_cannot_be_joined_by_strangers(client):
    """A stranger cannot even find an unlisted group to join."""
    organisation = OrganisationFactory(is_listed=False)
    assert login(client, UserFactory()).post(url("join", organisation)).status_code == 404


def test_members_leave(client):
    """A member who presses leave is no longer a member."""
    membership = MembershipFactory()
    response = login(client, membership.user).post(url("leave", membership.organisation))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_organiser_is_told_why_they_cannot_leave(client):
    """Leaving as the only organiser shows a plain error and keeps them in the group."""
    organiser = OrganiserFactory()
    response = login(client, organiser.user).post(url("leave", organiser.organisation))
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body
    assert "You are the only organiser" in body
    assert Membership.objects.filter(pk=organiser.pk).exists()


def test_leaving_needs_sign_in(client):
    """A visitor cannot leave anything."""
    organisation = OrganisationFactory()
    response = client.post(url("leave", organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
