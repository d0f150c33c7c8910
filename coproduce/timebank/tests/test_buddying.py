import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.models import Notification
from coproduce.timebank import buddying, safeguarding
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


def _checked(kind=VolunteerCheck.Kind.REFERENCES):
    """A volunteer with a current check of this kind."""
    return VolunteerCheckFactory(kind=kind).person


def test_plain_pairing_starts_at_once_and_tells_both():
    """Without safeguarding flags, a checked volunteer's offer starts the pairing; both are
    told."""
    request = BuddyRequestFactory()
    volunteer = _checked()
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
    volunteer = _checked()
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


def test_safeguarding_requests_are_hidden_from_volunteers_without_an_enhanced_check(client):
    """Requests involving children are only listed for volunteers with an enhanced check."""
    hidden = BuddyRequestFactory(involves_children=True, what_support="Reading with my son")
    shown = BuddyRequestFactory(what_support="Walks to the shops")
    client.force_login(_checked(VolunteerCheck.Kind.DBS_BASIC))
    body = client.get(reverse("timebank:buddying")).content.decode()
    assert shown.what_support in body
    assert hidden.what_support not in body
    assert client.post(reverse("timebank:buddy_offer", args=[hidden.pk])).status_code == 404
    client.force_login(_checked(VolunteerCheck.Kind.DBS_ENHANCED))
    assert hidden.what_support in client.get(reverse("timebank:buddying")).content.decode()
    assert client.post(reverse("timebank:buddy_offer", args=[hidden.pk])).status_code == 302
    assert Pairing.objects.get().status == Pairing.Status.AWAITING_APPROVAL


def test_a_new_resident_sees_no_names_words_or_counts(client):
    """Someone with no check sees nobody's request, and no hint of how many there are."""
    # Names of their own: a random one could be the viewer's, shown in the header.
    request = BuddyRequestFactory(
        what_support="I live alone", resident__display_name="Wilhelmina Quarrie"
    )
    client.force_login(UserFactory(display_name="Viewer Person"))
    body = client.get(reverse("timebank:buddying")).content.decode()
    assert "I live alone" not in body
    assert request.resident.display_name not in body
    assert "Nobody is looking for a buddy" not in body
    assert "shown only to volunteers with a current check" in body
    assert client.post(reverse("timebank:buddy_offer", args=[request.pk])).status_code == 404
    assert not safeguarding.can_see_buddy_request(UserFactory(), request)


def test_an_expired_check_is_no_check(client):
    """A volunteer whose check ran out sees nothing."""
    BuddyRequestFactory(what_support="I live alone")
    volunteer = UserFactory()
    _expired_check(volunteer)
    client.force_login(volunteer)
    assert "I live alone" not in client.get(reverse("timebank:buddying")).content.decode()


def test_the_person_who_asked_sees_their_own_request(client):
    """The resident sees what they asked for, even with no check."""
    request = BuddyRequestFactory(what_support="I live alone", involves_adults_at_risk=True)
    client.force_login(request.resident)
    assert "I live alone" in client.get(reverse("timebank:buddying")).content.decode()
    assert safeguarding.can_see_buddy_request(request.resident, request)


def test_coordinators_see_every_request():
    """Coordinators see open, paired and safeguarding requests alike."""
    plain = BuddyRequestFactory()
    children = BuddyRequestFactory(involves_children=True, status=BuddyRequest.Status.PAIRED)
    seen = set(safeguarding.buddy_requests_visible_to(coordinator()))
    assert {plain, children} <= seen


def test_checked_volunteers_see_only_open_requests_their_check_covers():
    """A basic check opens everyday open requests, not paired ones nor safeguarding ones."""
    plain = BuddyRequestFactory()
    BuddyRequestFactory(status=BuddyRequest.Status.PAIRED)
    BuddyRequestFactory(involves_adults_at_risk=True)
    volunteer = _checked(VolunteerCheck.Kind.DBS_BASIC)
    assert list(safeguarding.buddy_requests_visible_to(volunteer)) == [plain]


def test_the_paired_volunteer_keeps_seeing_the_request():
    """Once paired, the volunteer still sees the request they are helping with."""
    request = BuddyRequestFactory()
    volunteer = _checked()
    buddying.pairing_offer(volunteer=volunteer, request=request)
    assert safeguarding.can_see_buddy_request(volunteer, request)
    assert not safeguarding.can_see_buddy_request(_checked(), request)


def test_a_volunteer_without_a_check_cannot_offer():
    """Offering for an everyday request needs a current check too."""
    with pytest.raises(NotAllowed):
        buddying.pairing_offer(volunteer=UserFactory(), request=BuddyRequestFactory())


def test_a_basic_check_cannot_offer_for_children():
    """A request involving children needs an enhanced check."""
    with pytest.raises(NotAllowed):
        buddying.pairing_offer(
            volunteer=_checked(VolunteerCheck.Kind.DBS_BASIC),
            request=BuddyRequestFactory(involves_children=True),
        )


def test_the_list_takes_the_same_number_of_queries_for_many_requests(
    client, django_assert_max_num_queries
):
    """Showing fifty requests does not query once per request."""
    BuddyRequestFactory.create_batch(20)
    client.force_login(_checked())
    with django_assert_max_num_queries(20):
        client.get(reverse("timebank:buddying"))


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
    pairing = buddying.pairing_offer(volunteer=_checked(), request=BuddyRequestFactory())
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
        ("2025-13-01", "2027-01-01", "The date must be a real date"),
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
