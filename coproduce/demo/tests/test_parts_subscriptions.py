import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import subscriptions as demo
from coproduce.demo.tests.factories import TINY
from coproduce.subscriptions.models import Item, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def test_demo_makes_subscribers_and_bucket_items_and_clears_them():
    """Subscribers with buckets across the borough, and items for the demo's events and
    projects; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"subscriptions"}))
    # Later parts (the offline residents subscribed by post, news posts) make some of their own.
    before = (Subscriber.objects.count(), Item.objects.count())
    demo.build(ctx)
    assert Subscriber.objects.filter(user__isnull=True).exists()
    assert Subscription.objects.filter(topic__startswith="ward:").exists()
    assert Item.objects.filter(thing="events").exists()
    demo.clear()
    assert (Subscriber.objects.count(), Item.objects.count()) == before
