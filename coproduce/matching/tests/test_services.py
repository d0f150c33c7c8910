import pytest
from django.core import mail

from coproduce.common.errors import Refusal
from coproduce.matching import services
from coproduce.matching.models import Invitation
from coproduce.notifications.models import Notification
from coproduce.projects import services as project_services
from coproduce.projects.tests.factories import NeedFactory

from .factories import helper, organiser

pytestmark = pytest.mark.django_db


def test_invitation_send_notifies_the_person(django_capture_on_commit_callbacks):
    """An invitation is recorded and the person is told through the service."""
    need = NeedFactory()
    person = helper().user
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_send(
            need=need, person=person, invited_by=need.created_by, message="Hello"
        )
    assert invitation.status == Invitation.Status.SENT
    note = Notification.objects.get(recipient=person)
    assert note.kind == "invitation"
    assert need.title in note.title


def test_cannot_invite_someone_not_listed():
    """People closed to invitations, or not the asker's to see, cannot be invited."""
    need = NeedFactory()
    for profile in (helper(open_to_invitations=False), helper(visibility_skills="organisers")):
        with pytest.raises(Refusal):
            services.invitation_send(need=need, person=profile.user, invited_by=need.created_by)
    assert not Invitation.objects.exists()


def test_only_the_asker_invites_once_while_open():
    """Someone else cannot invite; the same person twice is refused; closed needs refuse."""
    need = NeedFactory()
    person = helper().user
    with pytest.raises(Refusal):
        services.invitation_send(need=need, person=person, invited_by=organiser())
    services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(Refusal):
        services.invitation_send(need=need, person=person, invited_by=need.created_by)
    project_services.need_close(need=need, user=need.created_by)
    with pytest.raises(Refusal):
        services.invitation_send(need=need, person=helper().user, invited_by=need.created_by)


def test_respond_only_by_the_person_and_once():
    """Only the invited person replies, once; the asker is told."""
    need = NeedFactory()
    person = helper().user
    invitation = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(Refusal):
        services.invitation_respond(invitation=invitation, user=need.created_by, accept=True)
    services.invitation_respond(invitation=invitation, user=person, accept=True)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.responded_at is not None
    assert Notification.objects.filter(recipient=need.created_by, kind="invitation").exists()
    with pytest.raises(Refusal):
        services.invitation_respond(invitation=invitation, user=person, accept=False)


def test_withdraw_then_invite_again():
    """The asker can withdraw an unanswered invitation and later send it again."""
    need = NeedFactory()
    person = helper().user
    invitation = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(Refusal):
        services.invitation_withdraw(invitation=invitation, user=person)
    services.invitation_withdraw(invitation=invitation, user=need.created_by)
    again = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    assert again.pk == invitation.pk
    assert again.status == Invitation.Status.SENT
    assert len(mail.outbox) == 0  # emails go out on commit only
