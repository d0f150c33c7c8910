"""The writes: events, news and services, each through its app's own services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.gatherings.models import Event
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.news.models import NewsPost
from coproduce.places.tests.factories import PlaceFactory
from coproduce.staff.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[Role.OFFICER])


@pytest.fixture
def token(officer):
    return api_token_create(user=officer, name="Council systems")[1]


def _send(client, method, path, body, token):
    return getattr(client, method)(
        path, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def _event_body(**changes):
    start = (timezone.now() + timedelta(days=7)).replace(microsecond=0)
    body = {
        "title": "Repair café",
        "summary": "Bring something broken and we will mend it together.",
        "kind": "workshop",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "place_id": PlaceFactory().pk,
        "capacity": 20,
        "access_provisions": ["step_free"],
    }
    return {**body, **changes}


def test_an_officer_puts_an_event_on(client, officer, token):
    response = _send(client, "post", "/api/v1/events/", _event_body(), token)
    assert response.status_code == 201, response.content
    event = Event.objects.get(pk=response.json()["id"])
    assert event.title == "Repair café"
    assert list(event.organisers.all()) == [officer]
    assert response.json()["capacity"] == 20


def test_a_rule_of_the_service_is_a_400_with_its_words(client, token):
    """The service's own Refusal: the same words as on the page."""
    past = timezone.now() - timedelta(days=1)
    body = _event_body(starts_at=past.isoformat(), ends_at=(past + timedelta(hours=1)).isoformat())
    response = _send(client, "post", "/api/v1/events/", body, token)
    assert response.status_code == 400
    assert response.json()["detail"] == "The start must be in the future."
    assert not Event.objects.exists()


def test_a_naive_time_or_unknown_place_is_a_400(client, token):
    body = _event_body(starts_at="2031-01-01T10:00:00")
    assert _send(client, "post", "/api/v1/events/", body, token).status_code == 400
    response = _send(client, "post", "/api/v1/events/", _event_body(place_id=999999), token)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "place_id"


def test_an_officer_changes_an_event_and_people_going_hear_of_it(client, token):
    event = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    body = _event_body(place_id=event.place_id, title="Repair café, longer")
    response = _send(client, "put", f"/api/v1/events/{event.pk}/", body, token)
    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert event.title == "Repair café, longer"
    assert event.sequence == 1


def test_an_organiser_without_the_event_cannot_change_it(client):
    """A token of someone who may write, but not manage this event: 403."""
    someone = UserFactory(roles=[Role.OFFICER])
    from django.contrib.auth.models import Permission

    # An officer who may write through the API but not manage every event.
    someone.groups.clear()
    someone.user_permissions.add(
        Permission.objects.get(codename="write_through_api"),
        Permission.objects.get(codename="run_group_or_project"),
    )
    token = api_token_create(user=someone, name="Own events")[1]
    event = EventFactory()
    response = _send(client, "put", f"/api/v1/events/{event.pk}/", _event_body(), token)
    assert response.status_code == 403
    # Nor may they write news, which needs its own permission.
    news = {"title": "Bin day moves", "summary": "Collections move.", "body": "From May."}
    assert _send(client, "post", "/api/v1/news/", news, token).status_code == 403
    assert not NewsPost.objects.exists()


def test_an_officer_cancels_an_event(client, token):
    event = EventFactory()
    response = _send(
        client, "post", f"/api/v1/events/{event.pk}/cancel/", {"reason": "Flooded hall."}, token
    )
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancel_reason"] == "Flooded hall."
    again = _send(client, "post", f"/api/v1/events/{event.pk}/cancel/", {"reason": "Again."}, token)
    assert again.status_code == 400


def test_an_unknown_event_is_a_404(client, token):
    response = _send(client, "post", "/api/v1/events/999999/cancel/", {"reason": "x"}, token)
    assert response.status_code == 404


def test_an_officer_writes_and_publishes_news(client, officer, token):
    body = {"title": "Bin day moves", "summary": "Collections move.", "body": "From May."}
    response = _send(client, "post", "/api/v1/news/", body, token)
    assert response.status_code == 201
    slug = response.json()["slug"]
    assert response.json()["status"] == "draft"
    response = _send(client, "post", f"/api/v1/news/{slug}/publish/", {}, token)
    assert response.status_code == 200
    assert NewsPost.objects.get(slug=slug).status == NewsPost.Status.PUBLISHED
    again = _send(client, "post", f"/api/v1/news/{slug}/publish/", {}, token)
    assert again.status_code == 400
    assert _send(client, "post", "/api/v1/news/nothing-here/publish/", {}, token).status_code == 404


def test_an_officer_changes_only_the_details_sent_of_a_service(client, token):
    service = ServiceFactory(name="Warm space", fees_description="Free", is_listed=False)
    response = _send(
        client,
        "patch",
        f"/api/v1/services/{service.uuid}/",
        {"name": "Warm space at the library", "status": "temporarily closed"},
        token,
    )
    assert response.status_code == 200, response.content
    service.refresh_from_db()
    assert service.name == "Warm space at the library"
    assert service.status == "temporarily closed"
    assert service.fees_description == "Free"
    assert response.json()["fees"] == "Free"


def test_a_bad_website_or_email_for_a_service_is_a_400(client, token):
    service = ServiceFactory()
    for body in ({"website": "not a link"}, {"email": "nobody"}, {"name": None}):
        response = _send(client, "patch", f"/api/v1/services/{service.uuid}/", body, token)
        assert response.status_code == 400, body


def test_a_resident_with_the_api_permission_but_not_the_directory_gets_403(client):
    from django.contrib.auth.models import Permission

    someone = UserFactory()
    someone.user_permissions.add(Permission.objects.get(codename="write_through_api"))
    token = api_token_create(user=someone, name="Mine")[1]
    service = ServiceFactory()
    response = _send(client, "patch", f"/api/v1/services/{service.uuid}/", {"name": "X"}, token)
    assert response.status_code == 403
    assert len(mail.outbox) == 0
