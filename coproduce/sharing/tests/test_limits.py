"""Limits on replies and reservations, which tell the other person (RATE_LIMITS)."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.sharing.models import Item, ItemReply, Reservation

from .factories import ItemFactory

pytestmark = pytest.mark.django_db


def test_replies_past_the_limit_get_the_429_page(client, settings):
    """The reply past the limit is a 429 page; the poster is not told."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "item_reply": "2/h"}
    items = [ItemFactory(kind=Item.Kind.WANTED) for _ in range(3)]
    client.force_login(UserFactory())
    statuses = [
        client.post(
            reverse("sharing:item_reply", args=[item.pk]), {"message": "I have one"}
        ).status_code
        for item in items[:2]
    ]
    told = Notification.objects.count()
    response = client.post(reverse("sharing:item_reply", args=[items[2].pk]), {"message": "Hi"})
    assert statuses == [302, 302]
    assert response.status_code == 429
    assert "You have done this too many times" in response.text
    assert ItemReply.objects.count() == 2
    assert Notification.objects.count() == told


def test_reserve_and_release_again_and_again_is_limited(client, settings):
    """Reserving and releasing in turn count together; past the limit nothing changes."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "item_reserve": "3/h"}
    item = ItemFactory()
    client.force_login(UserFactory())
    statuses = [
        client.post(reverse("sharing:item_action", args=[item.pk, action])).status_code
        for action in ("reserve", "release", "reserve", "release")
    ]
    assert statuses == [302, 302, 302, 429]
    assert Reservation.objects.filter(item=item).count() >= 1
    item.refresh_from_db()
    assert item.status == Item.Status.RESERVED
