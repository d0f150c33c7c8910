"""Owners are asked first: nobody is shown, followed or counted as the council unasked."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Organisation
from coproduce.groups.tests.factories import OrganisationFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.projects import selectors, services
from coproduce.projects.models import Follow, Owner, OwnerInvitation

from .factories import owned_project

pytestmark = pytest.mark.django_db


def _invite(lead, project, email, role="co_owner"):
    return services.project_owner_invite(user=lead, project=project, email=email, role=role)


def test_an_invited_person_is_not_an_owner_until_they_accept(client):
    """Until they say yes they are not an owner, not on the page or pack, and not following."""
    lead = UserFactory()
    person = UserFactory(display_name="Quiet Person", email="quiet@example.org")
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "Quiet@Example.org")
    assert invitation.person == person
    assert not project.owners.filter(user=person).exists()
    assert not Follow.objects.filter(project=project, user=person).exists()
    for name in ["projects:detail", "projects:pack"]:
        assert "Quiet Person" not in client.get(reverse(name, args=[project.pk])).text
    services.owner_invitation_respond(user=person, invitation=invitation, accept=True)
    assert project.owners.filter(user=person, role="co_owner").exists()
    assert Follow.objects.filter(project=project, user=person).exists()
    client.force_login(lead)  # by default a name is shown to people signed in
    assert "Quiet Person" in client.get(reverse("projects:detail", args=[project.pk])).text


def test_the_invited_person_is_emailed_a_link_to_answer(django_capture_on_commit_callbacks):
    """An account holder gets an email with the link to the invitation page."""
    lead, person = UserFactory(), UserFactory(email="asked@example.org")
    project = owned_project(owner=lead)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(lead, project, "asked@example.org")
    assert [m.to for m in mail.outbox] == [["asked@example.org"]]
    assert reverse("projects:owner_invitation", args=[invitation.pk]) in mail.outbox[0].body
    assert Notification.objects.filter(recipient=person).count() == 1


def test_the_form_answers_the_same_for_known_and_unknown_addresses(client):
    """The owners page says the same whether or not the address has an account."""
    lead = UserFactory()
    UserFactory(email="known@example.org")
    project = owned_project(owner=lead)
    client.force_login(lead)
    url = reverse("projects:owners", args=[project.pk])
    answers = []
    for email in ["known@example.org", "nobody@example.org"]:
        response = client.post(url, {"email": email, "role": "co_owner"}, follow=True)
        answers.append([str(m) for m in response.context["messages"]])
    assert (
        answers[0]
        == answers[1]
        == ["If they have an account, we have asked them to join as an owner."]
    )
    assert project.owners.count() == 1


def test_only_officers_give_the_council_role():
    """A resident cannot ask anyone to be a council owner; an officer can."""
    lead, officer = UserFactory(), UserFactory(roles=[Role.OFFICER])
    project = owned_project(owner=lead)
    with pytest.raises(NotAllowed):
        _invite(lead, project, "someone@example.org", role="council")
    assert _invite(officer, project, "someone@example.org", role="council").by_officer


def test_the_council_role_is_not_a_choice_for_residents(client):
    """The owners form offers the council role only to officers."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    client.force_login(lead)
    page = client.get(reverse("projects:owners", args=[project.pk])).text
    assert 'value="council"' not in page
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert 'value="council"' in client.get(reverse("projects:owners", args=[project.pk])).text


def test_council_owns_only_from_an_officer_given_role_or_a_verified_group():
    """A self-declared council owner or a community group does not make it the council's."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    Owner.objects.create(project=project, user=UserFactory(), role=Owner.Role.COUNCIL)
    assert not selectors.council_owns(project)
    person, officer = UserFactory(email="clerk@example.org"), UserFactory(roles=[Role.OFFICER])
    invitation = _invite(officer, project, "clerk@example.org", role="council")
    services.owner_invitation_respond(user=person, invitation=invitation, accept=True)
    assert selectors.council_owns(project)


def test_only_a_verified_council_group_counts_as_the_council():
    """A community group does not say the council owns it; a verified council service does."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    group = OrganisationFactory()
    OrganiserFactory(organisation=group, user=lead)
    services.project_owner_add(user=lead, project=project, role="co_owner", organisation=group)
    assert not selectors.council_owns(project)
    Organisation.objects.filter(pk=group.pk).update(kind=Organisation.Kind.COUNCIL_SERVICE)
    assert selectors.council_owns(project)


def test_only_a_group_you_organise_can_be_added():
    """Adding a group you do not organise is refused."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    with pytest.raises(NotAllowed):
        services.project_owner_add(
            user=lead, project=project, role="co_owner", organisation=OrganisationFactory()
        )


def test_declining_leaves_them_out():
    """A person who declines is not an owner and cannot accept afterwards."""
    lead, person = UserFactory(), UserFactory(email="no@example.org")
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "no@example.org")
    services.owner_invitation_respond(user=person, invitation=invitation, accept=False)
    with pytest.raises(Refusal):
        services.owner_invitation_respond(user=person, invitation=invitation, accept=True)
    assert not project.owners.filter(user=person).exists()


def test_a_withdrawn_invitation_cannot_be_accepted():
    """The inviter takes it back; the person can no longer say yes."""
    lead, person = UserFactory(), UserFactory(email="late@example.org")
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "late@example.org")
    services.owner_invitation_withdraw(user=lead, invitation=invitation)
    with pytest.raises(Refusal):
        services.owner_invitation_respond(user=person, invitation=invitation, accept=True)


def test_an_expired_invitation_cannot_be_accepted_and_may_be_sent_again():
    """Past its date it cannot be accepted; asking again makes a new invitation."""
    lead, person = UserFactory(), UserFactory(email="slow@example.org")
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "slow@example.org")
    OwnerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(Refusal, match="expired"):
        services.owner_invitation_respond(user=person, invitation=invitation, accept=True)
    again = _invite(lead, project, "slow@example.org")
    assert again.pk != invitation.pk
    assert OwnerInvitation.objects.get(pk=invitation.pk).status == "expired"


def test_asking_twice_does_not_ask_again():
    """A second invitation while one waits sends nothing more."""
    lead, person = UserFactory(), UserFactory(email="twice@example.org")
    project = owned_project(owner=lead)
    _invite(lead, project, "twice@example.org")
    assert _invite(lead, project, "twice@example.org") is None
    assert Notification.objects.filter(recipient=person).count() == 1


def test_only_the_invited_person_sees_and_answers_the_invitation(client):
    """Others get 404; the person sees buttons and says yes with a POST, never a GET."""
    lead, person = UserFactory(), UserFactory(email="me@example.org")
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "me@example.org")
    url = reverse("projects:owner_invitation", args=[invitation.pk])
    reply = reverse("projects:owner_invitation_reply", args=[invitation.pk])
    client.force_login(lead)
    assert client.get(url).status_code == 404
    assert client.post(reply, {"answer": "accept"}).status_code == 404
    client.force_login(person)
    assert "Yes, make me an owner" in client.get(url).text
    assert client.get(reply).status_code == 405
    client.post(reply, {"answer": "accept"})
    assert project.owners.filter(user=person).exists()


def test_only_managers_withdraw_an_invitation(client):
    """A stranger cannot withdraw; the lead can, from the owners page."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "x@example.org")
    url = reverse("projects:owner_invitation_withdraw", args=[project.pk, invitation.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    client.force_login(lead)
    client.post(url)
    assert OwnerInvitation.objects.get(pk=invitation.pk).status == "withdrawn"


def test_a_self_declared_council_owner_is_not_announced_on_the_page_or_pack(client):
    """Neither the project page nor its pack says the council owns it without an officer."""
    project = owned_project()
    Owner.objects.create(project=project, user=UserFactory(), role=Owner.Role.COUNCIL)
    assert "The council is" not in client.get(reverse("projects:detail", args=[project.pk])).text
    assert "The council is" not in client.get(reverse("projects:pack", args=[project.pk])).text
    Owner.objects.filter(project=project, role=Owner.Role.COUNCIL).update(role_by_officer=True)
    assert "The council is" in client.get(reverse("projects:detail", args=[project.pk])).text
    assert "The council is" in client.get(reverse("projects:pack", args=[project.pk])).text


def _sign_up_and_confirm(email: str):
    from coproduce.accounts import services as accounts
    from coproduce.accounts.tokens import VERIFY_SALT, EmailToken, make_token

    person = accounts.user_sign_up(email=email, display_name="New Neighbour", password="x" * 16)
    accounts.email_verify(
        token=make_token(EmailToken(user_id=person.pk, email=person.email), salt=VERIFY_SALT)
    )
    return person


def test_an_invitation_to_an_address_without_an_account_waits_for_it():
    """Someone asked before they had an account can answer once they confirm that address."""
    lead = UserFactory()
    project = owned_project(owner=lead)
    invitation = _invite(lead, project, "Later@Example.org")
    assert invitation.person is None
    person = _sign_up_and_confirm("later@example.org")
    invitation.refresh_from_db()
    assert invitation.person == person
    told = Notification.objects.get(recipient=person)
    assert told.url == reverse("projects:owner_invitation", args=[invitation.pk])
    services.owner_invitation_respond(user=person, invitation=invitation, accept=True)
    assert project.owners.filter(user=person, role="co_owner").exists()


def test_an_unconfirmed_account_is_not_given_the_invitation():
    """Signing up with an address is not enough: the invitation waits for it to be confirmed."""
    from coproduce.accounts import services as accounts

    lead = UserFactory()
    invitation = _invite(lead, owned_project(owner=lead), "claimer@example.org")
    accounts.user_sign_up(email="claimer@example.org", display_name="Claimer", password="x" * 16)
    invitation.refresh_from_db()
    assert invitation.person is None


def test_expired_or_withdrawn_invitations_are_not_given():
    """Only invitations still waiting go to the new account."""
    lead = UserFactory()
    expired = _invite(lead, owned_project(owner=lead), "late@example.org")
    OwnerInvitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    withdrawn = _invite(lead, owned_project(owner=lead), "late@example.org")
    services.owner_invitation_withdraw(user=lead, invitation=withdrawn)
    _sign_up_and_confirm("late@example.org")
    assert not OwnerInvitation.objects.filter(person__isnull=False).exists()


def test_moving_an_account_to_the_invited_address_gives_it_the_invitation():
    """A person who confirms a new address gets what was waiting for that address."""
    from coproduce.accounts import services as accounts
    from coproduce.accounts.tokens import CHANGE_SALT, EmailToken, make_token

    lead, person = UserFactory(), UserFactory(email="old@example.org")
    invitation = _invite(lead, owned_project(owner=lead), "moved@example.org")
    token = make_token(
        EmailToken(user_id=person.pk, email="moved@example.org", current_email=person.email),
        salt=CHANGE_SALT,
    )
    accounts.email_change_confirm(user=person, token=token)
    invitation.refresh_from_db()
    assert invitation.person == person
