import pytest
from django.core import mail

from coproduce.matching import services
from coproduce.matching.models import Invitation, Need
from coproduce.notifications.models import Notification

from .factories import NeedFactory, gardening, helper, organiser

pytestmark = pytest.mark.django_db


def test_need_create_records_skills_and_orders_days():
    """A need keeps its skills, and days in week order."""
    need = services.need_create(
        created_by=organiser(), title="Diggers", skills=[gardening()], days=["sun", "mon"]
    )
    assert list(need.skills.all()) == [gardening()]
    assert need.days == ["mon", "sun"]


def test_need_create_refuses_no_skills_or_bad_days():
    """No skills, or days not in the list, are refused and nothing is written."""
    with pytest.raises(services.MatchingRefusal):
        services.need_create(created_by=organiser(), title="X", skills=[])
    with pytest.raises(services.MatchingRefusal):
        services.need_create(created_by=organiser(), title="X", skills=[gardening()], days=["x"])
    assert Need.objects.count() == 0


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
        with pytest.raises(services.MatchingRefusal):
            services.invitation_send(need=need, person=profile.user, invited_by=need.created_by)
    assert not Invitation.objects.exists()


def test_only_the_asker_invites_once_while_open():
    """Someone else cannot invite; the same person twice is refused; closed needs refuse."""
    need = NeedFactory()
    person = helper().user
    with pytest.raises(services.MatchingRefusal):
        services.invitation_send(need=need, person=person, invited_by=organiser())
    services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(services.MatchingRefusal):
        services.invitation_send(need=need, person=person, invited_by=need.created_by)
    services.need_close(need=need, user=need.created_by)
    with pytest.raises(services.MatchingRefusal):
        services.invitation_send(need=need, person=helper().user, invited_by=need.created_by)


def test_respond_only_by_the_person_and_once():
    """Only the invited person replies, once; the asker is told."""
    need = NeedFactory()
    person = helper().user
    invitation = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(services.MatchingRefusal):
        services.invitation_respond(invitation=invitation, user=need.created_by, accept=True)
    services.invitation_respond(invitation=invitation, user=person, accept=True)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.responded_at is not None
    assert Notification.objects.filter(recipient=need.created_by, kind="invitation").exists()
    with pytest.raises(services.MatchingRefusal):
        services.invitation_respond(invitation=invitation, user=person, accept=False)


def test_withdraw_then_invite_again():
    """The asker can withdraw an unanswered invitation and later send it again."""
    need = NeedFactory()
    person = helper().user
    invitation = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    with pytest.raises(services.MatchingRefusal):
        services.invitation_withdraw(invitation=invitation, user=person)
    services.invitation_withdraw(invitation=invitation, user=need.created_by)
    again = services.invitation_send(need=need, person=person, invited_by=need.created_by)
    assert again.pk == invitation.pk
    assert again.status == Invitation.Status.SENT
    assert len(mail.outbox) == 0  # emails go out on commit only


def test_merging_skills_moves_needs_to_the_kept_skill():
    """A need asking for a merged-away skill asks for the skill it was merged into."""
    from coproduce.skills.models import Skill
    from coproduce.skills.services import skill_merge

    need = NeedFactory()
    tutoring, teaching = Skill.objects.get(slug="tutoring"), Skill.objects.get(slug="teaching")
    need.skills.set([tutoring])
    skill_merge(source=tutoring, target=teaching)
    assert list(need.skills.values_list("slug", flat=True)) == ["teaching"]
