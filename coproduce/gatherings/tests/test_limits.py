"""Limits on taking places at events, which email organisers and the person (RATE_LIMITS)."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Rsvp

from .factories import EventFactory

pytestmark = pytest.mark.django_db

FORM = {"access_note": ""}


def test_places_past_the_limit_get_the_429_page(
    client, settings, django_capture_on_commit_callbacks
):
    """Past the limit, taking a place is a 429 page: no place is taken and nothing is sent."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "rsvp": "2/h"}
    events = [EventFactory() for _ in range(3)]
    person = UserFactory()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(reverse("gatherings:rsvp", args=[event.pk]), FORM).status_code
            for event in events[:2]
        ]
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("gatherings:rsvp", args=[events[2].pk]), FORM)
    assert statuses == [302, 302]
    assert response.status_code == 429
    assert "You have done this too many times" in response.text
    assert not Rsvp.objects.filter(event=events[2], user=person).exists()
    assert len(mail.outbox) == sent
