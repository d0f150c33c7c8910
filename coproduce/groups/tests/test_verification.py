"""Official kinds: a resident's choice waits for an officer; an officer's check lists it."""

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups import selectors, services, verification
from coproduce.groups.models import KindRequest, Organisation
from coproduce.notifications.models import Notification

from .factories import OrganisationFactory
from .pages import login, url

pytestmark = pytest.mark.django_db

NHS = Organisation.Kind.NHS


def _officer():
    return UserFactory(roles=[Role.OFFICER])


def _asked(kind=NHS):
    creator = UserFactory()
    organisation = services.organisation_create(creator=creator, name="Hazel Clinic", kind=kind)
    return organisation, creator


def test_a_resident_asking_for_nhs_gets_a_community_group_and_a_request():
    """The group is a community group, with a request waiting for an officer."""
    organisation, creator = _asked()
    assert organisation.kind == Organisation.Kind.COMMUNITY_GROUP
    assert organisation.kind_verified_at is None
    waiting = selectors.pending_kind_request(organisation)
    assert (waiting.kind, waiting.asked_by) == (NHS, creator)


def test_a_resident_choosing_an_ordinary_kind_gets_it_at_once():
    """Only council services, NHS and schools wait for a check."""
    organisation, _creator = _asked(Organisation.Kind.FAITH)
    assert organisation.kind == Organisation.Kind.FAITH
    assert not KindRequest.objects.exists()


def test_an_officer_making_an_nhs_group_has_it_checked_at_once():
    """An officer's own choice of an official kind stands, with who and when."""
    officer = _officer()
    organisation = services.organisation_create(creator=officer, name="Clinic", kind=NHS)
    assert organisation.kind == NHS
    assert organisation.kind_verified_by == officer
    assert organisation.kind_verified_at is not None
    assert selectors.is_verified_official(organisation)


def test_verifying_lists_the_group_as_its_kind_with_who_and_when():
    """After an officer's check the group shows as NHS and counts as official."""
    organisation, creator = _asked()
    officer = _officer()
    verification.kind_request_verify(
        kind_request=selectors.pending_kind_request(organisation), by=officer
    )
    organisation.refresh_from_db()
    assert organisation.kind == NHS
    assert (organisation.kind_verified_by, organisation.kind_verified_at is not None) == (
        officer,
        True,
    )
    assert selectors.is_verified_official(organisation)
    assert list(selectors.listed_organisations(kind=NHS)) == [organisation]
    assert Notification.objects.filter(recipient=creator, kind="group_kind_checked").exists()


def test_declining_keeps_a_community_group_and_tells_the_reason():
    """A declined group stays a community group; the asker is told why."""
    organisation, creator = _asked()
    kind_request = selectors.pending_kind_request(organisation)
    verification.kind_request_decline(kind_request=kind_request, by=_officer(), reason="Not NHS.")
    organisation.refresh_from_db()
    kind_request.refresh_from_db()
    assert organisation.kind == Organisation.Kind.COMMUNITY_GROUP
    assert (kind_request.status, kind_request.reason) == ("declined", "Not NHS.")
    assert Notification.objects.get(recipient=creator, kind="group_kind_checked").body == "Not NHS."


def test_declining_needs_a_reason():
    """An officer must say why."""
    organisation, _creator = _asked()
    with pytest.raises(Refusal):
        verification.kind_request_decline(
            kind_request=selectors.pending_kind_request(organisation), by=_officer(), reason=" "
        )


def test_residents_cannot_verify():
    """The group's own organiser cannot check their own request."""
    organisation, creator = _asked()
    with pytest.raises(NotAllowed):
        verification.kind_request_verify(
            kind_request=selectors.pending_kind_request(organisation), by=creator
        )


def test_an_organiser_changing_a_group_to_a_school_waits_for_a_check():
    """Changing the kind to an official one asks, rather than changes."""
    organisation, creator = _asked(Organisation.Kind.COMMUNITY_GROUP)
    services.organisation_update(
        organisation=organisation, by=creator, kind=Organisation.Kind.SCHOOL, name="Hazel School"
    )
    organisation.refresh_from_db()
    assert (organisation.kind, organisation.name) == ("community_group", "Hazel School")
    assert selectors.pending_kind_request(organisation).kind == Organisation.Kind.SCHOOL


def test_a_verified_group_changed_by_its_organiser_loses_its_check():
    """Moving away from an official kind clears who checked it."""
    organisation = OrganisationFactory(kind=NHS)
    officer = _officer()
    services.organisation_update(organisation=organisation, by=officer, kind="voluntary")
    organisation.refresh_from_db()
    assert (organisation.kind, organisation.kind_verified_at) == ("voluntary", None)


# Pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [None, "resident", "organiser_role"])
def test_the_queue_is_for_officers_only(client, who):
    """Visitors are sent to sign in; residents and organisers get 403."""
    _asked()
    if who is not None:
        login(client, UserFactory(roles=[Role(who if who != "organiser_role" else "organiser")]))
    response = client.get(url("kind_requests"))
    assert response.status_code == (302 if who is None else 403)


def test_officers_see_who_asked_and_verify_from_the_queue(client):
    """The queue names the group, the kind and who asked; Verify lists it as NHS."""
    organisation, creator = _asked()
    login(client, _officer())
    body = client.get(url("kind_requests")).content.decode()
    assert organisation.name in body and creator.display_name in body
    kind_request = selectors.pending_kind_request(organisation)
    response = client.post(reverse("groups:kind_request_verify", args=[kind_request.pk]))
    assert response.status_code == 302
    assert "NHS" in client.get(url("detail", organisation)).content.decode()


def test_residents_cannot_verify_by_post(client):
    """A POST from the group's own organiser is refused and changes nothing."""
    organisation, creator = _asked()
    login(client, creator)
    kind_request = selectors.pending_kind_request(organisation)
    response = client.post(reverse("groups:kind_request_verify", args=[kind_request.pk]))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.kind == Organisation.Kind.COMMUNITY_GROUP


def test_officers_decline_with_a_reason_on_its_own_page(client):
    """An empty reason is an error; a reason declines."""
    organisation, _creator = _asked()
    login(client, _officer())
    address = reverse(
        "groups:kind_request_decline", args=[selectors.pending_kind_request(organisation).pk]
    )
    assert client.get(address).status_code == 200
    assert client.post(address, {"reason": ""}).status_code == 400
    assert client.post(address, {"reason": "Not an NHS team."}).status_code == 302
    assert selectors.pending_kind_request(organisation) is None


def test_an_unchecked_group_shows_as_a_community_group_on_its_page(client):
    """Visitors see 'Community group'; its organiser sees that a check is waiting."""
    organisation, creator = _asked()
    body = client.get(url("detail", organisation)).content.decode()
    assert "Community group" in body and "NHS" not in body
    login(client, creator)
    assert (
        "A council officer will check" in client.get(url("detail", organisation)).content.decode()
    )


def test_saving_the_form_again_keeps_the_request(client):
    """The edit form shows the kind asked for, so saving other changes does not withdraw it."""
    organisation, creator = _asked()
    login(client, creator)
    form = client.get(url("edit", organisation)).context["form"]
    assert form.initial["kind"] == NHS
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["description"] = "We help."
    data["is_listed"] = "on"
    assert client.post(url("edit", organisation), data).status_code == 302
    assert selectors.pending_kind_request(organisation).kind == NHS
