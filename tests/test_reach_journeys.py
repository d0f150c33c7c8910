"""The issue's first check, end to end across apps, over a real SMTP server: subscribe without
an account, confirm, receive a matching item, unsubscribe with one click."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.gatherings.tests.factories import EventFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.subscriptions.models import Subscription

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"<>]+")


def _links(message) -> list[str]:
    return LINK.findall(message.get_body(preferencelist=("plain",)).get_content())


def test_visitor_subscribes_confirms_hears_and_unsubscribes(
    client, smtp_server, django_capture_on_commit_callbacks, settings
):
    """One person, no account: every step works and each email arrives once."""
    settings.SITE_URL = "http://testserver"
    ward = WardFactory()
    place = PlaceFactory(ward=ward)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("subscriptions:start"),
            {"topic": f"ward:{ward.pk}", "frequency": "now", "email": "Robin@Example.org"},
        )
    assert response.status_code == 302
    [confirmation] = smtp_server.wait_for(1)
    assert confirmation["To"] == "robin@example.org"
    confirm = next(link for link in _links(confirmation) if "/subscribe/confirm/" in link)
    path = confirm.removeprefix(settings.SITE_URL)
    assert client.get(path).status_code == 200
    assert not Subscription.objects.filter(confirmed=True).exists()  # a GET changes nothing
    client.post(path)
    assert Subscription.objects.filter(confirmed=True).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(place=place, title="Litter pick on Mill Lane")
    messages = smtp_server.wait_for(2)
    update = messages[1]
    assert update["To"] == "robin@example.org"
    assert "Litter pick on Mill Lane" in update.get_body(preferencelist=("plain",)).get_content()
    assert update["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.search(r"<([^>]+)>", str(update["List-Unsubscribe"])).group(1)

    # RFC 8058: the mail program POSTs with no session and no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    answer = mail_program.post(
        unsubscribe.removeprefix(settings.SITE_URL), {"List-Unsubscribe": "One-Click"}
    )
    assert answer.status_code == 200
    assert not Subscription.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(place=place, title="Another event")
    assert len(smtp_server.messages) == 2
    assert event.pk
