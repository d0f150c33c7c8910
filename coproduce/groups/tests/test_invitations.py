"""Organisers added by someone else: asked first, shown and given the role only on a yes."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.groups import invitations, selectors
from coproduce.groups.models import Membership, OrganiserInvitation
from coproduce.notifications.models import Notification

from .factories import MembershipFactory, OrganiserFactory
from .pages import login, url

pytestmark = pytest.mark.django_db


def _ask(organiser, person):
    invitations.organiser_invite(
        organisation=organiser.organisation, by=organiser.user, email=person.email.upper()
    )
    return OrganiserInvitation.objects.filter(invitee=person).first()


def test_asking_someone_makes_them_nothing_until_they_say_yes():
    """They are told, but are not a member, an organiser or named on the group yet."""
    organiser = OrganiserFactory()
    person = UserFactory()
    invitation = _ask(organiser, person)
    assert invitation.status == "pending"
    assert not Membership.objects.filter(user=person).exists()
    members = selectors.members_visible_to(organiser.user, organiser.organisation)
    assert person.display_name not in {m.name for m in members.named}
    assert Notification.objects.filter(recipient=person, kind="group_organiser_invited").exists()


def test_saying_yes_makes_them_an_organiser():
    """Accepting joins the group as an organiser."""
    organiser = OrganiserFactory()
    person = UserFactory()
    invitations.organiser_invitation_accept(invitation=_ask(organiser, person), user=person)
    membership = Membership.objects.get(user=person)
    assert membership.role == Membership.Role.ORGANISER
    assert not membership.shares_with_organisers


def test_saying_no_changes_nothing_and_stops_asking_again_soon():
    """A no leaves them out, and a second ask within the month sends nothing."""
    organiser = OrganiserFactory()
    person = UserFactory()
    invitations.organiser_invitation_decline(invitation=_ask(organiser, person), user=person)
    assert not Membership.objects.filter(user=person).exists()
    _ask(organiser, person)
    assert OrganiserInvitation.objects.filter(invitee=person).count() == 1
    assert Notification.objects.filter(recipient=person).count() == 1


def test_asking_twice_sends_one_invitation():
    """Pressing again while they have not answered sends nothing more."""
    organiser = OrganiserFactory()
    person = UserFactory()
    _ask(organiser, person)
    _ask(organiser, person)
    assert Notification.objects.filter(recipient=person).count() == 1


def test_an_unknown_address_makes_nothing():
    """No account, no row and no error."""
    organiser = OrganiserFactory()
    invitations.organiser_invite(
        organisation=organiser.organisation, by=organiser.user, email="nobody@example.org"
    )
    assert not OrganiserInvitation.objects.exists()


def test_members_cannot_ask():
    """Only organisers and officers can ask someone to organise."""
    member = MembershipFactory()
    with pytest.raises(NotAllowed):
        invitations.organiser_invite(
            organisation=member.organisation, by=member.user, email=UserFactory().email
        )


def test_only_the_person_asked_can_answer():
    """Someone else cannot accept an invitation meant for another."""
    organiser = OrganiserFactory()
    invitation = _ask(organiser, UserFactory())
    with pytest.raises(NotAllowed):
        invitations.organiser_invitation_accept(invitation=invitation, user=UserFactory())


# Pages ------------------------------------------------------------------------------------


def test_the_form_answers_the_same_for_known_and_unknown_addresses(client):
    """The message after asking cannot tell anyone whether an account exists."""
    organiser = OrganiserFactory()
    login(client, organiser.user)
    address = url("organiser_invite", organiser.organisation)
    answers = []
    for email in (UserFactory().email, "nobody@example.org"):
        response = client.post(address, {"email": email}, follow=True)
        answers.append([str(m) for m in response.context["messages"]] + [str(response.status_code)])
    assert answers[0] == answers[1]
    assert "If they have an account, we have asked them" in answers[0][0]


@pytest.mark.parametrize("who", ["member", "stranger"])
def test_only_organisers_open_the_ask_form(client, who):
    """Members and strangers get 403."""
    organiser = OrganiserFactory()
    person = (
        MembershipFactory(organisation=organiser.organisation).user
        if who == "member"
        else UserFactory()
    )
    login(client, person)
    assert client.get(url("organiser_invite", organiser.organisation)).status_code == 403


def test_the_person_asked_answers_from_the_invitation_page(client):
    """The invitee sees the page and says yes; anyone else gets 404."""
    organiser = OrganiserFactory()
    person = UserFactory()
    invitation = _ask(organiser, person)
    page = reverse("groups:invitation", args=[invitation.pk])
    login(client, UserFactory())
    assert client.get(page).status_code == 404
    assert client.post(reverse("groups:invitation_accept", args=[invitation.pk])).status_code == 404
    login(client, person)
    assert "Help organise" in client.get(page).content.decode()
    body = client.get(url("yours")).content.decode()
    assert organiser.organisation.name in body
    client.post(reverse("groups:invitation_accept", args=[invitation.pk]))
    assert Membership.objects.get(user=person).role == Membership.Role.ORGANISER


def test_saying_no_on_the_page(client):
    """No, thank you leaves the person out of the group."""
    organiser = OrganiserFactory()
    person = UserFactory()
    invitation = _ask(organiser, person)
    login(client, person)
    response = client.post(reverse("groups:invitation_decline", args=[invitation.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=person).exists()
