"""Taking over an account registered offline, with an email address of their own."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.offline.models import Act
from coproduce.offline.services.takeover import takeover_confirm, takeover_request, takeover_token

from .factories import officer, offline_resident

pytestmark = pytest.mark.django_db


def test_a_link_is_emailed_to_a_free_address(smtp_server, django_capture_on_commit_callbacks):
    """The address given gets a link to take over the account, over real SMTP."""
    by = officer()
    resident = offline_resident(by=by)
    with django_capture_on_commit_callbacks(execute=True):
        takeover_request(resident=resident, by=by, email="Edna@Example.org")
    [email] = smtp_server.wait_for(1)
    assert email["To"] == "edna@example.org"
    assert "/on-behalf/take-over/" in email.get_body(("plain",)).get_content()
    assert resident.acts.filter(kind=Act.Kind.TAKEOVER_ASKED).exists()


def test_a_known_address_emails_its_owner_instead(smtp_server, django_capture_on_commit_callbacks):
    """An address already used gets a note to its owner, and no take-over link."""
    by = officer()
    UserFactory(email="taken@example.org")
    resident = offline_resident(by=by)
    with django_capture_on_commit_callbacks(execute=True):
        takeover_request(resident=resident, by=by, email="taken@example.org")
    [email] = smtp_server.wait_for(1)
    assert email["To"] == "taken@example.org"
    assert "take-over" not in email.get_body(("plain",)).get_content()


def test_confirming_makes_the_account_theirs():
    """The address is set and confirmed, the record marked, the log kept, the champion told."""
    by = officer()
    resident = offline_resident(by=by)
    token = takeover_token(resident=resident, email="edna@example.org")
    user = takeover_confirm(token=token, password="a long walk by the river")
    resident.refresh_from_db()
    assert user.email == "edna@example.org" and user.email_verified
    assert user.check_password("a long walk by the river")
    assert resident.taken_over_at is not None
    assert resident.acts.filter(kind=Act.Kind.TAKEN_OVER, by=user).exists()
    assert Notification.objects.filter(recipient=by, kind="offline_taken_over").exists()


def test_a_link_works_once():
    """A second use of the same link is refused."""
    from coproduce.accounts.tokens import TokenError

    resident = offline_resident()
    token = takeover_token(resident=resident, email="edna@example.org")
    takeover_confirm(token=token, password="a long walk by the river")
    with pytest.raises(TokenError):
        takeover_confirm(token=token, password="another long password")


def test_the_same_answer_for_a_known_and_a_free_address(client):
    """Whoever asks cannot tell whether the address has an account."""
    by = officer()
    UserFactory(email="taken@example.org")
    client.force_login(by)
    answers = []
    for address in ("taken@example.org", "free@example.org"):
        resident = offline_resident(by=by)
        url = reverse("offline:take_over_start", args=[resident.pk])
        response = client.post(url, {"email": address}, follow=True)
        answers.append((response.status_code, response.redirect_chain[-1][0].split("/")[-2]))
    assert answers[0][0] == answers[1][0] == 200


def test_opening_the_link_changes_nothing(client):
    """GET on the link shows the form; only the POST takes the account over."""
    resident = offline_resident()
    url = reverse("offline:take_over", args=[takeover_token(resident=resident, email="e@x.org")])
    assert client.get(url).status_code == 200
    resident.refresh_from_db()
    assert resident.taken_over_at is None and resident.user.email is None
    response = client.post(url, {"password": "a long walk by the river"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.taken_over_at is not None


def test_a_broken_link_says_so(client):
    """A made-up token is a 400 page, never a 500."""
    assert client.get(reverse("offline:take_over", args=["nonsense"])).status_code == 400


def test_nobody_acts_for_them_after_taking_over():
    """Once theirs, officers can no longer act for them."""
    from coproduce.common.errors import NotAllowed
    from coproduce.gatherings.tests.factories import EventFactory
    from coproduce.offline.services.acting import rsvp_for

    by = officer()
    resident = offline_resident(by=by)
    takeover_confirm(
        token=takeover_token(resident=resident, email="e@x.org"),
        password="a long walk by the river",
    )
    resident.refresh_from_db()
    with pytest.raises(NotAllowed):
        rsvp_for(resident=resident, by=by, event=EventFactory())
