import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.matching import services
from coproduce.matching.models import Invitation
from coproduce.projects.models import Need
from coproduce.projects.tests.factories import NeedFactory

from .factories import InvitationFactory, gardening, helper, organiser

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("roles", "status"),
    [([], 403), ([Role.ORGANISER], 200), ([Role.OFFICER], 200), ([Role.ADMINISTRATOR], 200)],
)
def test_new_need_page_needs_the_permission(client, roles, status):
    """Organisers, officers and administrators may ask; residents may not."""
    client.force_login(UserFactory(roles=roles))
    assert client.get(reverse("matching:need_create")).status_code == status
    assert client.get(reverse("matching:need_list")).status_code == status


def test_visitors_are_sent_to_sign_in(client):
    """Every matching page asks visitors to sign in."""
    invitation = InvitationFactory()
    for url in [
        reverse("matching:need_create"),
        reverse("matching:need_list"),
        reverse("matching:need_detail", args=[invitation.need.pk]),
        reverse("matching:invitation_list"),
        reverse("matching:invitation_detail", args=[invitation.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:sign_in"))


def test_create_need_then_see_people(client):
    """Posting the form records the need and shows people with reasons."""
    asker = organiser()
    person = helper()
    client.force_login(asker)
    response = client.post(
        reverse("matching:need_create"),
        {"title": "Diggers", "skills": [gardening().pk], "days": ["sat"], "times": ["morning"]},
    )
    need = Need.objects.get()
    assert response.url == reverse("matching:need_detail", args=[need.pk])
    page = client.get(response.url).content.decode()
    assert person.user.display_name in page
    assert "Free on Saturdays" in page
    assert person.user.email not in page


def test_bad_form_shows_errors(client):
    """A need with no title or skills is refused with an error summary."""
    client.force_login(organiser())
    response = client.post(reverse("matching:need_create"), {"title": "", "days": ["never"]})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not Need.objects.exists()


def test_need_page_only_for_the_asker(client):
    """Another organiser gets 404 for someone else's need."""
    need = NeedFactory()
    client.force_login(organiser())
    assert client.get(reverse("matching:need_detail", args=[need.pk])).status_code == 404
    client.force_login(need.created_by)
    assert client.get(reverse("matching:need_detail", args=[need.pk])).status_code == 200


def test_privacy_on_the_need_page(client):
    """Organisers-only skills and people closed to invitations are never listed to a member."""
    need = NeedFactory()
    shown = helper()
    organisers_only = helper(visibility_skills="organisers")
    closed = helper(open_to_invitations=False, visibility_skills="public")
    client.force_login(need.created_by)
    page = client.get(reverse("matching:need_detail", args=[need.pk])).content.decode()
    assert shown.user.display_name in page
    assert f'value="{organisers_only.user_id}"' not in page
    assert f'value="{closed.user_id}"' not in page
    for profile in (shown, organisers_only, closed):
        assert profile.user.email not in page


def test_need_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    """The need page's queries do not grow with the number of people and places."""
    need = NeedFactory()
    client.force_login(need.created_by)
    url = reverse("matching:need_detail", args=[need.pk])
    helper()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(8):
        helper()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Invite") >= 9


def test_invite_from_the_page_and_email_only_after_acceptance(client):
    """The invitation goes through the service; the email shows to the asker after accepting."""
    need = NeedFactory()
    person = helper().user
    client.force_login(need.created_by)
    response = client.post(
        reverse("matching:invitation_send", args=[need.pk]),
        {"person": person.pk, "message": "Come and dig"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    detail = reverse("matching:invitation_detail", args=[invitation.pk])
    assert person.email not in client.get(detail).content.decode()
    assert person.email not in client.get(response.url).content.decode()

    client.force_login(person)
    assert need.title in client.get(reverse("matching:invitation_list")).content.decode()
    assert "Come and dig" in client.get(detail).content.decode()
    reply = client.post(
        reverse("matching:invitation_respond", args=[invitation.pk]), {"answer": "accept"}
    )
    assert reply.status_code == 302

    client.force_login(need.created_by)
    assert person.email in client.get(detail).content.decode()


def test_cannot_invite_hidden_person(client):
    """Posting the id of someone not listed is refused with a clear error, nothing written."""
    need = NeedFactory()
    hidden = helper(open_to_invitations=False)
    client.force_login(need.created_by)
    response = client.post(
        reverse("matching:invitation_send", args=[need.pk]), {"person": hidden.user_id}
    )
    assert response.status_code == 400
    assert "cannot be invited" in response.content.decode()
    assert not Invitation.objects.exists()
    bad = client.post(reverse("matching:invitation_send", args=[need.pk]), {"person": "x"})
    assert bad.status_code == 400


def test_invitation_page_only_for_both_sides(client):
    """Only the invited person and the asker may see an invitation."""
    invitation = InvitationFactory()
    url = reverse("matching:invitation_detail", args=[invitation.pk])
    for user, status in [
        (invitation.person, 200),
        (invitation.invited_by, 200),
        (organiser(), 404),
        (UserFactory(roles=[Role.ADMINISTRATOR]), 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status


def test_only_the_person_can_reply_and_only_the_asker_withdraw(client):
    """The asker cannot accept; the person cannot withdraw; each gets a 400 with a reason."""
    invitation = InvitationFactory()
    client.force_login(invitation.invited_by)
    reply = client.post(
        reverse("matching:invitation_respond", args=[invitation.pk]), {"answer": "accept"}
    )
    assert reply.status_code == 400
    client.force_login(invitation.person)
    withdraw = client.post(reverse("matching:invitation_withdraw", args=[invitation.pk]))
    assert withdraw.status_code == 400
    assert (
        client.get(reverse("matching:invitation_respond", args=[invitation.pk])).status_code == 405
    )
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT


def test_withdrawn_invitation_disappears_for_the_person(client):
    """After withdrawal the person no longer sees the invitation."""
    invitation = InvitationFactory()
    services.invitation_withdraw(invitation=invitation, user=invitation.invited_by)
    client.force_login(invitation.person)
    url = reverse("matching:invitation_detail", args=[invitation.pk])
    assert client.get(url).status_code == 404
    assert (
        invitation.need.title
        not in client.get(reverse("matching:invitation_list")).content.decode()
    )


def test_close_need(client):
    """The asker can close their need; others cannot."""
    need = NeedFactory()
    client.force_login(organiser())
    assert client.post(reverse("matching:need_close", args=[need.pk])).status_code == 404
    client.force_login(need.created_by)
    client.post(reverse("matching:need_close", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.CLOSED
