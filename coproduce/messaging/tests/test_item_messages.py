"""A shared item: where to collect it, said at the right level, and messages to the giver
(sharing registers the "item" topic in its item views)."""

import pytest
from django.urls import reverse

import coproduce.sharing.views.items  # noqa: F401  (registers the "item" topic)
from coproduce.accounts.tests.factories import UserFactory
from coproduce.messaging.models import Thread
from coproduce.notifications.models import Notification
from coproduce.sharing.services import reservations
from coproduce.sharing.tests.factories import ItemFactory

pytestmark = pytest.mark.django_db


def _page(client, item) -> str:
    return client.get(reverse("sharing:item_detail", args=[item.pk])).text


def test_everyone_sees_the_area_and_only_the_reserver_the_exact_place(client):
    """Visitors and other residents read the ward; the person who reserved it, the spot."""
    item = ItemFactory()
    page = _page(client, item)
    assert f"Somewhere in {item.ward.name} ward." in page
    assert "Blue door by the bakery" not in page
    reserver = UserFactory()
    reservations.item_reserve(item=item, by=reserver)
    client.force_login(UserFactory())
    assert "Blue door by the bakery" not in _page(client, item)
    client.force_login(reserver)
    assert "Blue door by the bakery" in _page(client, item)
    client.force_login(item.posted_by)
    assert "Blue door by the bakery" in _page(client, item)


def test_visitors_are_asked_to_sign_in_to_message_the_giver(client):
    item = ItemFactory()
    assert "Sign in to message the giver" in _page(client, item)


def test_a_resident_messages_the_giver_without_seeing_their_email(client):
    item, resident = ItemFactory(), UserFactory()
    client.force_login(resident)
    page = _page(client, item)
    url = reverse("messaging:new", args=["item", item.pk])
    assert "Message the giver" in page and url in page
    assert item.posted_by.email not in page
    response = client.post(url, {"body": "Can I collect on Friday?"})
    thread = Thread.objects.get()
    assert response.url == reverse("messaging:thread", args=[thread.pk])
    told = Notification.objects.get(recipient=item.posted_by, kind="messages")
    assert "Can I collect on Friday?" in told.body
    page = client.get(response.url).text
    assert item.posted_by.email not in page


def test_the_giver_has_no_link_to_message_themselves(client):
    item = ItemFactory()
    client.force_login(item.posted_by)
    assert "Message the giver" not in _page(client, item)


def test_nobody_writes_about_an_item_that_is_gone(client):
    item = ItemFactory(status="collected")
    client.force_login(UserFactory())
    url = reverse("messaging:new", args=["item", item.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Still there?"}).status_code == 404
    assert not Thread.objects.exists()
