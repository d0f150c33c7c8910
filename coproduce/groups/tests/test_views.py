import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership, Organisation
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory

from .factories import MembershipFactory, OrganisationFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


def _url(name: str, organisation: Organisation | None = None) -> str:
    return reverse(f"groups:{name}", args=[organisation.slug] if organisation else [])


def _as(client, user):
    if user is not None:
        client.force_login(user)
    return client


def _viewer(kind: str, organisation: Organisation):
    """A person with the given relation to the group, or None for someone not signed in."""
    if kind == "visitor":
        return None
    if kind == "member":
        return MembershipFactory(organisation=organisation).user
    if kind == "organiser":
        return OrganiserFactory(organisation=organisation).user
    if kind == "officer":
        return UserFactory(roles=[Role.OFFICER])
    if kind == "organiser_role":
        return UserFactory(roles=[Role.ORGANISER])
    return UserFactory()


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


# The list --------------------------------------------------------------------------------


def test_everyone_sees_the_list_of_listed_groups(client):
    """Visitors see listed groups with their member counts, never unlisted ones."""
    listed = OrganisationFactory(name="Canal Friends")
    MembershipFactory.create_batch(3, organisation=listed)
    OrganisationFactory(name="Secret Supper Club", is_listed=False)
    body = client.get(_url("list")).content.decode()
    assert "Canal Friends" in body
    assert "Secret Supper Club" not in body
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in body


def test_list_filters_by_kind_ward_and_words(client):
    """The filters in the query string narrow the list."""
    ward = WardFactory(slug="hazel")
    OrganisationFactory(name="Hazel Health Centre", kind="nhs", ward=ward)
    OrganisationFactory(name="Hazel Choir", ward=ward)
    OrganisationFactory(name="Canal Health Centre", kind="nhs")
    body = client.get(_url("list"), {"kind": "nhs", "ward": "hazel", "q": "health"}).content
    assert b"Hazel Health Centre" in body
    assert b"Hazel Choir" not in body
    assert b"Canal Health Centre" not in body


def test_a_bad_filter_gets_a_clear_message(client):
    """An unknown ward is explained in an error summary, and the other filters still apply."""
    OrganisationFactory(name="Hazel Choir")
    response = client.get(_url("list"), {"ward": "atlantis", "q": "choir"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose a ward from the list" in body
    assert "Hazel Choir" in body


def test_list_is_paginated(client):
    """Twenty groups a page, with a link to the next page."""
    OrganisationFactory.create_batch(25)
    first = client.get(_url("list")).content.decode()
    second = client.get(_url("list"), {"page": 2}).content.decode()
    assert "Test Group" in first and "page 1 of 2" in first
    assert first.count('<th scope="row"') == 20
    assert second.count('<th scope="row"') == 5


def test_list_query_count_does_not_grow_with_groups(client, django_assert_num_queries):
    """The list takes the same few queries for 3 groups or 20, each with members."""
    for organisation in OrganisationFactory.create_batch(3):
        MembershipFactory.create_batch(2, organisation=organisation)
    # Wards for the filter, the count, the page of groups with their counts and wards.
    with django_assert_num_queries(3):
        client.get(_url("list"))
    for organisation in OrganisationFactory.create_batch(17):
        MembershipFactory(organisation=organisation)
    with django_assert_num_queries(3):
        client.get(_url("list"))


def test_signed_in_people_are_offered_to_add_a_group(client):
    """The add button shows for people signed in; visitors are invited to sign in."""
    assert _url("create") not in client.get(_url("list")).content.decode()
    _as(client, UserFactory())
    assert _url("create") in client.get(_url("list")).content.decode()


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
    user = _viewer(viewer, organisation)
    assert _as(client, user).get(_url("detail", organisation)).status_code == status


@pytest.mark.parametrize("viewer", ["visitor", "stranger", "member", "organiser"])
def test_listed_groups_are_seen_by_everyone(client, viewer):
    """A listed group's page is public."""
    organisation = OrganisationFactory()
    user = _viewer(viewer, organisation)
    assert _as(client, user).get(_url("detail", organisation)).status_code == 200


def test_group_page_shows_details_and_where_it_meets(client):
    """Description, kind, ward, contact and a link to the place where it meets."""
    place = PlaceFactory(name="Hazel Hall")
    organisation = OrganisationFactory(
        base=place, email="hello@hazel.example.org", phone="020 7946 0123"
    )
    body = client.get(_url("detail", organisation)).content.decode()
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
    body = client.get(_url("detail", organisation)).content.decode()
    assert public.display_name in body
    assert members_only.display_name not in body
    assert "1 more member who has not shared their name with you" in body
    _as(client, UserFactory())
    assert members_only.display_name in client.get(_url("detail", organisation)).content.decode()


def test_member_details_never_leak_contact_or_skills(client):
    """The page names members at most: never their email or what they wrote."""
    organisation = OrganisationFactory()
    profile = ProfileFactory(
        visibility_identity="public", visibility_skills="public", what_i_can_do="I juggle fire"
    )
    MembershipFactory(organisation=organisation, user=profile.user)
    body = client.get(_url("detail", organisation)).content.decode()
    assert profile.user.email not in body
    assert "I juggle fire" not in body


def test_what_groups_write_is_escaped(client):
    """A group's description is shown as text, not run as script."""
    organisation = OrganisationFactory(description="<script>alert('x')</script>")
    body = client.get(_url("detail", organisation)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


def test_join_and_leave_buttons_match_membership(client):
    """Non-members get a join button; members a leave button; visitors a sign-in link."""
    organisation = OrganisationFactory()
    assert (
        _url("join", organisation) not in client.get(_url("detail", organisation)).content.decode()
    )
    _as(client, UserFactory())
    assert _url("join", organisation) in client.get(_url("detail", organisation)).content.decode()
    _as(client, MembershipFactory(organisation=organisation).user)
    body = client.get(_url("detail", organisation)).content.decode()
    assert _url("leave", organisation) in body
    assert _url("join", organisation) not in body


# Joining and leaving ---------------------------------------------------------------------


def test_joining_needs_sign_in(client):
    """A visitor who tries to join is sent to sign in and nothing changes."""
    organisation = OrganisationFactory()
    response = client.post(_url("join", organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))
    assert not organisation.memberships.exists()


def test_joining_is_a_post(client):
    """Following a link cannot join anyone to a group."""
    organisation = OrganisationFactory()
    _as(client, UserFactory())
    assert client.get(_url("join", organisation)).status_code == 405
    assert not organisation.memberships.exists()


def test_joining_checks_the_csrf_token():
    """A join sent from another site, without the form's token, is refused."""
    organisation = OrganisationFactory()
    client = _as(Client(enforce_csrf_checks=True), UserFactory())
    assert client.post(_url("join", organisation)).status_code == 403
    assert not organisation.memberships.exists()


def test_signed_in_people_join_a_listed_group(client):
    """Pressing join makes the person a member and says so."""
    organisation = OrganisationFactory()
    user = UserFactory()
    response = _as(client, user).post(_url("join", organisation), follow=True)
    assert Membership.objects.filter(organisation=organisation, user=user).exists()
    assert "You have joined" in response.content.decode()


def test_joining_twice_gets_a_clear_message(client):
    """A member who presses join again is told they are already a member."""
    membership = MembershipFactory()
    response = _as(client, membership.user).post(_url("join", membership.organisation))
    assert response.status_code == 400
    assert "You are already a member of this group." in response.content.decode()


def test_unlisted_groups_cannot_be_joined_by_strangers(client):
    """A stranger cannot even find an unlisted group to join."""
    organisation = OrganisationFactory(is_listed=False)
    assert _as(client, UserFactory()).post(_url("join", organisation)).status_code == 404


def test_members_leave(client):
    """A member who presses leave is no longer a member."""
    membership = MembershipFactory()
    response = _as(client, membership.user).post(_url("leave", membership.organisation))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_organiser_is_told_why_they_cannot_leave(client):
    """Leaving as the only organiser shows a plain error and keeps them in the group."""
    organiser = OrganiserFactory()
    response = _as(client, organiser.user).post(_url("leave", organiser.organisation))
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body
    assert "You are the only organiser" in body
    assert Membership.objects.filter(pk=organiser.pk).exists()


def test_leaving_needs_sign_in(client):
    """A visitor cannot leave anything."""
    organisation = OrganisationFactory()
    response = client.post(_url("leave", organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


# Adding and changing ---------------------------------------------------------------------


def test_adding_a_group_needs_sign_in(client):
    """Visitors are sent to sign in."""
    response = client.get(_url("create"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


def test_signed_in_people_add_a_group_and_organise_it(client):
    """The form makes the group and its creator its organiser."""
    user = UserFactory()
    _as(client, user)
    assert client.get(_url("create")).status_code == 200
    response = client.post(_url("create"), _form())
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == _url("detail", organisation)
    assert organisation.memberships.get().user == user
    assert organisation.memberships.get().role == Membership.Role.ORGANISER


def test_a_group_without_a_name_gets_a_clear_error(client):
    """Leaving out the name shows an error summary and makes nothing."""
    _as(client, UserFactory())
    body = client.post(_url("create"), _form(name="")).content.decode()
    assert "There is a problem" in body
    assert "Enter the name of the group" in body
    assert not Organisation.objects.exists()


def test_a_made_up_kind_or_place_is_refused(client):
    """Values not offered in the form are refused with a message."""
    _as(client, UserFactory())
    body = client.post(_url("create"), _form(kind="cult", base="99999")).content.decode()
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
    user = _viewer(viewer, organisation)
    assert _as(client, user).get(_url("edit", organisation)).status_code == status


def test_changing_a_group_needs_sign_in(client):
    """Visitors are sent to sign in."""
    response = client.get(_url("edit", OrganisationFactory()))
    assert response.status_code == 302


def test_members_cannot_post_changes(client):
    """A member who posts the change form gets 403 and nothing changes."""
    membership = MembershipFactory()
    organisation = membership.organisation
    response = _as(client, membership.user).post(_url("edit", organisation), _form(name="Mine"))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Mine"


def test_organisers_save_changes(client):
    """The organiser's changes are saved and the slug stays."""
    organiser = OrganiserFactory()
    organisation = organiser.organisation
    response = _as(client, organiser.user).post(
        _url("edit", organisation), _form(name="Renamed", is_listed="")
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Renamed"
    assert organisation.is_listed is False
    assert response.url == _url("detail", organisation)


def test_edit_page_of_an_unlisted_group_is_not_found_for_strangers(client):
    """Strangers cannot learn an unlisted group exists from its change page."""
    organisation = OrganisationFactory(is_listed=False)
    assert _as(client, UserFactory()).get(_url("edit", organisation)).status_code == 404


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
    user = _viewer(viewer, organisation)
    assert _as(client, user).get(_url("members", organisation)).status_code == status


def test_managing_members_needs_sign_in(client):
    """Visitors are sent to sign in."""
    assert client.get(_url("members", OrganisationFactory())).status_code == 302


def test_organisers_make_a_member_an_organiser(client):
    """Pressing 'Make an organiser' changes the member's role."""
    organiser = OrganiserFactory()
    member = MembershipFactory(organisation=organiser.organisation)
    response = _as(client, organiser.user).post(
        _url("members", organiser.organisation), {"membership": member.pk, "role": "organiser"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Membership.Role.ORGANISER


def test_the_last_organiser_cannot_step_down(client):
    """Making the only organiser a member shows a plain error and changes nothing."""
    organiser = OrganiserFactory()
    response = _as(client, organiser.user).post(
        _url("members", organiser.organisation), {"membership": organiser.pk, "role": "member"}
    )
    assert response.status_code == 400
    assert "A group needs at least one organiser." in response.content.decode()
    organiser.refresh_from_db()
    assert organiser.role == Membership.Role.ORGANISER


def test_members_of_another_group_cannot_be_changed_from_here(client):
    """A membership from another group is refused with a message."""
    organiser = OrganiserFactory()
    elsewhere = MembershipFactory()
    response = _as(client, organiser.user).post(
        _url("members", organiser.organisation), {"membership": elsewhere.pk, "role": "organiser"}
    )
    assert response.status_code == 400
    assert "That person is not a member of this group" in response.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.role == Membership.Role.MEMBER


def test_members_cannot_post_role_changes(client):
    """A member posting to the members page is refused and stays a member."""
    member = MembershipFactory()
    response = _as(client, member.user).post(
        _url("members", member.organisation), {"membership": member.pk, "role": "organiser"}
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER


def test_members_page_keeps_private_names_private(client):
    """Even the organiser sees 'only me' names as hidden, but can still change their role."""
    organiser = OrganiserFactory()
    private = ProfileFactory(visibility_identity="only_me").user
    membership = MembershipFactory(organisation=organiser.organisation, user=private)
    body = _as(client, organiser.user).get(_url("members", organiser.organisation)).content
    assert private.display_name.encode() not in body
    assert b"A member who has not shared their name" in body
    assert f'value="{membership.pk}"'.encode() in body


def test_change_form_starts_with_the_current_details(client):
    """The change form shows the group's current ward and meeting place as chosen."""
    place = PlaceFactory()
    organiser = OrganiserFactory(organisation__base=place)
    organisation = organiser.organisation
    body = _as(client, organiser.user).get(_url("edit", organisation)).content.decode()
    assert f'<option value="{organisation.ward_id}" selected>' in body
    assert f'<option value="{place.pk}" selected>' in body
    assert f'value="{organisation.name}"' in body
