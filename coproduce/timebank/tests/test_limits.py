"""Limits on time bank requests that ask someone else to confirm (RATE_LIMITS)."""

import json

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.timebank.models import BuddyRequest, Transfer

from .factories import AccountFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "You have done this too many times"


@pytest.fixture
def one_an_hour(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "transfer_request": "1/h",
        "buddy_request": "1/h",
    }


def _form(me, other) -> dict:
    return {
        "account": me.pk,
        "direction": "gave",
        "other": other.number,
        "hours": "1",
        "minutes": "0",
        "description": "Fixed a bike",
        "confirm": "yes",  # sent from the check page
    }


def test_transfer_requests_past_the_limit_get_the_429_page(client, one_an_hour):
    """The request past the limit is a 429 page: nothing stored, nobody asked to confirm."""
    me, other = AccountFactory(), AccountFactory()
    client.force_login(me.user)
    assert client.post(reverse("timebank:transfer_new"), _form(me, other)).status_code == 302
    told = Notification.objects.count()
    response = client.post(reverse("timebank:transfer_new"), _form(me, other))
    assert response.status_code == 429
    assert TOO_MANY in response.text
    assert Transfer.objects.count() == 1
    assert Notification.objects.count() == told


def test_the_json_api_has_the_same_limit_as_json(client, one_an_hour):
    """The JSON endpoint shares the limit and answers 429 with a JSON error."""
    me, other = AccountFactory(), AccountFactory()
    client.force_login(me.user)
    payload = {"from_account": other.pk, "to_account": me.pk, "minutes": 30, "description": "Dig"}
    statuses = []
    for _ in range(2):
        response = client.post(
            reverse("timebank:api_transfer_create"),
            data=json.dumps(payload),
            content_type="application/json",
        )
        statuses.append(response.status_code)
    assert statuses == [201, 429]
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"error", "retry_after"}
    assert Transfer.objects.count() == 1


def test_buddy_requests_past_the_limit_get_the_429_page(client, one_an_hour):
    """Asking for a buddy again and again is limited."""
    client.force_login(UserFactory())
    data = {"what_support": "A walk on Sundays"}
    assert client.post(reverse("timebank:buddy_request_new"), data).status_code == 302
    assert client.post(reverse("timebank:buddy_request_new"), data).status_code == 429
    assert BuddyRequest.objects.count() == 1
