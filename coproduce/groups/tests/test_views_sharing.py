"""Members choose whether a group's organisers see what they share with organisers."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership
from coproduce.people.privacy import Relation
from coproduce.people.selectors import relation_between

from .factories import MembershipFactory, OrganiserFactory
from .pages import login, url

pytestmark = pytest.mark.django_db


def test_the_join_form_offers_the_choice_unticked(client):
    """The join button comes with a box to share with organisers, not ticked."""
    organiser = OrganiserFactory()
    login(client, UserFactory())
    body = client.get(url("detail", organiser.organisation)).content.decode()
    assert 'name="shares_with_organisers"' in body
    assert "checked" not in body.split('name="shares_with_organisers"')[1].split(">")[0]


def test_joining_without_ticking_shares_nothing(client):
    """A plain join leaves the organisers as fellow members."""
    organiser = OrganiserFactory()
    user = UserFactory()
    login(client, user)
    client.post(url("join", organiser.organisation))
    assert not Membership.objects.get(user=user).shares_with_organisers
    assert relation_between(organiser.user, user) == Relation.MEMBER


def test_joining_with_the_box_ticked_opens_organiser_parts(client):
    """Ticking the box makes the group's organisers organisers to this person."""
    organiser = OrganiserFactory()
    user = UserFactory()
    login(client, user)
    client.post(url("join", organiser.organisation), {"shares_with_organisers": "on"})
    assert relation_between(organiser.user, user) == Relation.ORGANISER


def test_a_member_changes_their_mind_from_their_groups_page(client):
    """The groups page lists each group with a button that turns sharing on or off."""
    organiser = OrganiserFactory()
    membership = MembershipFactory(organisation=organiser.organisation)
    login(client, membership.user)
    body = client.get(url("yours")).content.decode()
    assert organiser.organisation.name in body and "Share with the organisers" in body
    client.post(
        url("sharing", organiser.organisation), {"shares_with_organisers": "on", "from": "yours"}
    )
    assert relation_between(organiser.user, membership.user) == Relation.ORGANISER
    response = client.post(url("sharing", organiser.organisation))
    assert response.status_code == 302
    assert relation_between(organiser.user, membership.user) == Relation.MEMBER


def test_only_members_can_set_sharing(client):
    """Someone outside the group gets an error and nothing is made."""
    organiser = OrganiserFactory()
    login(client, UserFactory())
    response = client.post(url("sharing", organiser.organisation), {"shares_with_organisers": "on"})
    assert response.status_code == 400
    assert Membership.objects.count() == 1


def test_your_groups_needs_sign_in(client):
    """Visitors are sent to sign in."""
    assert client.get(url("yours")).status_code == 302
