"""Limits on booking requests and on the emails they send managers (RATE_LIMITS)."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.models import Booking

from .factories import future, open_room
from .pages import client_for

pytestmark = pytest.mark.django_db


def _form(days: int) -> dict:
    day = timezone.localdate() + timedelta(days=days)
    return {
        "day": day.strftime("%d/%m/%Y"),
        "starts": "10:00",
        "ends": "12:00",
        "purpose": "Tenants' meeting",
        "group": "",
    }


def _limit(settings, **rates) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, **rates}


def test_booking_requests_per_account_are_limited(settings, django_capture_on_commit_callbacks):
    """Past the limit a request is a 429 page: nothing is stored and the manager is not told."""
    _limit(settings, booking_request="2/h")
    room = open_room()
    client = client_for(UserFactory())
    url = reverse("bookings:request", args=[room.pk])
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(url, _form(days)).status_code for days in (10, 11, 12)]
    assert statuses == [302, 302, 429]
    assert Booking.objects.count() == 2
    assert [message.to for message in mail.outbox] == [[room.space.manager.email]] * 2
    assert "You have done this too many times" in client.post(url, _form(13)).text


def test_a_manager_gets_a_capped_number_of_request_emails(
    settings, django_capture_on_commit_callbacks
):
    """Many people asking at once: the manager gets the hour's cap of emails, all in the queue."""
    _limit(settings, booking_manager_email="2/h")
    room = open_room()
    url = reverse("bookings:request", args=[room.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for days in (10, 11, 12, 13):
            assert client_for(UserFactory()).post(url, _form(days)).status_code == 302
    assert Booking.objects.count() == 4
    assert len(mail.outbox) == 2


def test_the_json_endpoint_answers_a_json_429(settings):
    """The JSON endpoint has the same limit, answered as JSON with the seconds to wait."""
    _limit(settings, booking_request="1/h")
    room = open_room(auto_approve=True)
    client = client_for(UserFactory())
    url = reverse("bookings:api_book", args=[room.pk])
    statuses = []
    for days in (10, 11):
        start, end = future(days=days)
        body = {"start": start.isoformat(), "end": end.isoformat(), "purpose": "Yoga"}
        response = client.post(url, data=json.dumps(body), content_type="application/json")
        statuses.append(response.status_code)
    assert statuses == [201, 429]
    assert response["Content-Type"] == "application/json"
    assert response.json()["retry_after"] > 0
    assert "too many times" in response.json()["error"]
    assert Booking.objects.count() == 1
