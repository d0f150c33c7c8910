import factory
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.subscriptions import keys
from coproduce.subscriptions.models import Frequency, Item, Subscriber, Subscription


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    user = factory.SubFactory(UserFactory)
    email = None
    confirmed_at = factory.LazyFunction(timezone.now)


class EmailSubscriberFactory(SubscriberFactory):
    user = None
    email = factory.Sequence(lambda n: f"reader{n}@example.net")


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(SubscriberFactory)
    topic = ""
    things = keys.ALL_THINGS
    frequency = Frequency.NOW
    channel = "email"
    confirmed = True


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    source = factory.Sequence(lambda n: f"test.thing:{n}")
    thing = "events"
    title = factory.Sequence(lambda n: f"Test item {n}")
    summary = "Something new."
    url = "/gatherings/"
    topics = factory.LazyFunction(list)
    published_at = factory.LazyFunction(timezone.now)
    delivered = True
