import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.models import Notification
from coproduce.timebank import buddying
from coproduce.timebank.models import BuddyRequest, Pairing, VolunteerCheck

from .factories import BuddyRequestFactory, VolunteerCheckFactory
from .test_services import coordinator

pytestmark = pytest.mark.django_db


def _expired_check(person):
    today = timezone.localdate()
    return VolunteerCheckFactory(
        person=person,
        checked_on=today - datetime.timedelta(days=800),
        expires_on=today - datetime.timedelta(days=1),
    )


def test_plain_pairing_starts_at_once_and_tells_both():
    """Without safeguarding flags, a volunteer's offer starts the pairing; both are told."""
    request = BuddyRequestFactory()
    volunteer = UserFactory()
    pairing = buddying.pairing_offer(volunteer=volunteer, request=request)
    assert pairing.status == Pairing.Status.ACTIVE
    for person in (request.resident, volunteer):
        assert Notification.objects.filter(recipient=person, kind="buddying").exists()


def test_safeguarding_pairing_waits_for_a_coordinator():
    """A request involving children waits for approval, which needs a current check."""
    request = BuddyRequestFactory(involves_children=True)
    volunteer = UserFactory()
    VolunteerCheckFactory(person=volunteer)
    pairing = buddying.pairing_offer(volunteer=volunteer, request=request)
    assert pairing.status == Pairing.Status.AWAITING_APPROVAL
    with pytest.raises(NotAllowed):
        buddying.pairing_approve(actor=UserFactory(), pairing=pairing)
    assert buddying.pairing_approve(actor=coordinator(), pairing=pairing).status == "active"


def test_volunteer_without_a_current_check_cannot_offer_for_safeguarding():
    """An expired check is no check: the offer is refused."""
    request = BuddyRequestFactory(involves_adults_at_risk=True)
    volunteer = UserFactory()
    _expired_check(volunteer)
    with pytest.raises(NotAllowed):
        buddying.pairing_offer(volunteer=volunteer, request=request)
    assert Pairing.objects.count() == 0


def test_approval_refused_when_the_check_expired_meanwhile():
    """If the check ran out before approval, the coordinator cannot approve."""
    request = BuddyRequestFactory(involves_children=True)
    volunteer = UserFactory()
    check = VolunteerCheckFactory(person=volunteer)
    pairing = buddying.pairing_offer(volunteer=volunteer, request=request)
    VolunteerCheck.objects.filter(pk=check.pk).update(
        expires_on=timezone.localdate(), checked_on=timezone.localdate() - datetime.timedelta(9)
    )
    with pytest.raises(Refusal, match="no current safeguarding check"):
        buddying.pairing_approve(actor=coordinator(), pairing=pairing)
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.AWAITING_APPROVAL


def test_either_side_can_end_a_pairing_but_not_a_stranger():
    """The resident or the volunteer ends it with an optional reason; both are told."""
    request = BuddyRequestFactory()
    volunteer = UserFactory()
    pairing = buddying.pairing_offer(volunteer=volunteer, request=request)
    with pytest.raises(NotAllowed):
        buddying.pairing_end(actor=UserFactory(), pairing=pairing)
    Notification.objects.all().delete()
    ended = buddying.pairing_end(actor=request.resident, pairing=pairing, reason="Moving away")
    assert ended.status == Pairing.Status.ENDED
    assert ended.end_reason == "Moving away"
    assert Notification.objects.filter(recipient=volunteer, kind="buddying").count() == 1
    assert Notification.objects.filter(recipient=request.resident, kind="buddying").count() == 1


def test_refusal_reopens_the_request():
    """A refused pairing puts the request back in the open list."""
    request = BuddyRequestFactory(involves_children=True)
    volunteer = UserFactory()
    VolunteerCheckFactory(person=volunteer)
    pairing = buddying.pairing_offer(volunteer=volunteer, request=request)
    buddying.pairing_refuse(actor=coordinator(), pairing=pairing)
    request.refresh_from_db()
    assert request.status == BuddyRequest.Status.OPEN


def test_safeguarding_requests_are_hidden_from_unchecked_volunteers(client):
    """Requests involving children are only listed for volunteers with a current check."""
    hidden = BuddyRequestFactory(involves_children=True, what_support="Reading with my son")
    shown = BuddyRequestFactory(what_support="Walks to the shops")
    client.force_login(UserFactory())
    body = client.get(reverse("timebank:buddying")).content.decode()
    assert shown.what_support in body
    assert hidden.what_support not in body
    assert client.post(reverse("timebank:buddy_offer", args=[hidden.pk])).status_code == 404
    checked = UserFactory()
    VolunteerCheckFactory(person=checked)
    client.force_login(checked)
    assert hidden.what_support in client.get(reverse("timebank:buddying")).content.decode()
    assert client.post(reverse("timebank:buddy_offer", args=[hidden.pk])).status_code == 302
    assert Pairing.objects.get().status == Pairing.Status.AWAITING_APPROVAL


def test_ask_for_a_buddy_page(client):
    """A resident asks for a buddy; an empty request gives a clear error."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("timebank:buddy_request_new"), {"what_support": ""})
    assert "Say what support would help" in response.content.decode()
    client.post(
        reverse("timebank:buddy_request_new"),
        {"what_support": "A chat once a week", "involves_adults_at_risk": "on"},
    )
    assert BuddyRequest.objects.get(resident=user).involves_adults_at_risk


def test_end_page_is_for_the_two_sides(client):
    """The end-pairing page is for the pair (and coordinators); others get 403."""
    pairing = buddying.pairing_offer(volunteer=UserFactory(), request=BuddyRequestFactory())
    url = reverse("timebank:pairing_end", args=[pairing.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(pairing.volunteer)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 302
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ENDED


def test_coordinator_approves_from_the_page(client):
    """The coordinator page lists waiting pairings; approve works; residents get 403."""
    volunteer = UserFactory()
    VolunteerCheckFactory(person=volunteer)
    pairing = buddying.pairing_offer(
        volunteer=volunteer, request=BuddyRequestFactory(involves_children=True)
    )
    url = reverse("timebank:pairing_approve", args=[pairing.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403
    assert client.post(reverse("timebank:pairing_refuse", args=[pairing.pk])).status_code == 403
    client.force_login(coordinator())
    assert (
        pairing.request.what_support
        in client.get(reverse("timebank:buddying_coordinator")).content.decode()
    )
    client.post(url)
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


@pytest.mark.parametrize(
    ("checked_on", "expires_on", "message"),
    [
        ("2025-13-01", "2027-01-01", "Enter a real date"),
        ("2025-03-01", "2024-01-01", "must be after"),
    ],
)
def test_check_form_refuses_bad_dates(client, checked_on, expires_on, message):
    """A date in the wrong format or an expiry before the check: a clear error, nothing saved."""
    volunteer = UserFactory()
    client.force_login(coordinator())
    response = client.post(
        reverse("timebank:check_new"),
        {
            "email": volunteer.email,
            "kind": "dbs_enhanced",
            "checked_on": checked_on,
            "expires_on": expires_on,
        },
    )
    assert message in response.content.decode()
    assert VolunteerCheck.objects.count() == 0


def test_check_form_records_a_check(client):
    """A coordinator records a check for a volunteer by email."""
    volunteer = UserFactory()
    client.force_login(coordinator())
    response = client.post(
        reverse("timebank:check_new"),
        {
            "email": volunteer.email,
            "kind": "dbs_enhanced",
            "checked_on": "2025-01-10",
            "expires_on": "2028-01-10",
        },
    )
    assert response.status_code == 302
    assert VolunteerCheck.objects.get().person == volunteer
