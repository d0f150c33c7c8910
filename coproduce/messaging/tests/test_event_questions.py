"""Asking an event's organisers about access support, through messages (gatherings registers
the "event" topic in its event views)."""

import pytest
from django.urls import reverse

import coproduce.gatherings.views.events  # noqa: F401  (registers the "event" topic)
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.messaging.models import Thread
from coproduce.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_visitors_are_asked_to_sign_in_to_ask(client):
    """The access support row links to sign in, then back to the question page."""
    event = EventFactory(organisers=[UserFactory()])
    page = client.get(reverse("gatherings:event", args=[event.pk])).text
    ask = reverse("messaging:new", args=["event", event.pk])
    assert "Sign in to ask the organisers about access support" in page
    assert f"next={ask}" in page
    response = client.get(ask)
    assert response.status_code == 302 and "next=" in response.url


def test_a_resident_asks_the_organisers_and_they_are_told(client):
    organiser, resident = UserFactory(), UserFactory()
    event = EventFactory(organisers=[organiser])
    client.force_login(resident)
    page = client.get(reverse("gatherings:event", args=[event.pk])).text
    ask = reverse("messaging:new", args=["event", event.pk])
    assert "Ask the organisers about access support" in page and ask in page
    assert "Send a message to the organisers" in client.get(ask).text
    response = client.post(ask, {"body": "Is there a hearing loop?"})
    thread = Thread.objects.get()
    assert response.url == reverse("messaging:thread", args=[thread.pk])
    assert thread.subject == event and thread.member == resident
    told = Notification.objects.get(recipient=organiser)
    assert told.kind == "messages" and "Is there a hearing loop?" in told.body


def test_organisers_are_not_offered_the_link(client):
    organiser = UserFactory()
    event = EventFactory(organisers=[organiser])
    client.force_login(organiser)
    page = client.get(reverse("gatherings:event", args=[event.pk])).text
    assert "Ask the organisers about access support" not in page


def test_an_event_with_nobody_to_ask_refuses_kindly(client):
    event = EventFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("messaging:new", args=["event", event.pk]), {"body": "Hi"})
    assert response.status_code == 400 and "nobody to write to" in response.text
    assert not Thread.objects.exists()
