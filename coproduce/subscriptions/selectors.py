"""Reads: which subscriptions an item concerns, who gets what, a bucket's items, the letters."""

from collections.abc import Iterator

from django.db.models import F, Min, QuerySet
from django.urls import reverse

from coproduce.common.email import absolute_url
from coproduce.mailing.types import Recipient

from . import keys, tokens
from .models import Channel, Frequency, Item, LetterRun, Subscriber, Subscription, Waiting

CHUNK = 2_000
FEED_SIZE = 50


def match_topics(topics: list[str]) -> list[str]:
    """The stored topics an item with these topics concerns: its own and the whole borough."""
    return sorted({*topics, ""})


def matching(*, topics: list[str], thing: str | None = None) -> QuerySet[Subscription]:
    """Confirmed subscriptions covering any of these topics (and the thing, if given).

    One indexed query (subscription_match): topic IN (...), then the thing's bit.
    """
    query = Subscription.objects.filter(confirmed=True, topic__in=match_topics(topics))
    if thing is not None:
        query = query.alias(wanted=F("things").bitand(keys.BITS[thing])).exclude(wanted=0)
    return query


def unsubscribe_url(*, subscriber_id: int, subscription_id: int | None) -> str:
    token = tokens.unsubscribe_make(subscriber_id=subscriber_id, subscription_id=subscription_id)
    return absolute_url(reverse("subscriptions:unsubscribe", args=[token]))


def manage_url(subscriber: Subscriber) -> str:
    if subscriber.user_id is not None:
        return absolute_url(reverse("subscriptions:yours"))
    token = tokens.manage_make(subscriber_id=subscriber.pk)
    return absolute_url(reverse("subscriptions:manage", args=[token]))


def _address(row: dict) -> str | None:
    if row["subscriber__user_id"] is None:
        return row["subscriber__email"]
    email = row["subscriber__user__email"]
    if not row["subscriber__user__is_active"] or not email or email.endswith(".invalid"):
        return None
    return email


def _recipients(subscriptions: QuerySet[Subscription]) -> Iterator[Recipient]:
    """One recipient per subscriber with somewhere to send email, with the link that stops
    the (first) subscription that brought them in."""
    rows = (
        subscriptions.filter(channel=Channel.EMAIL)
        .values(
            "subscriber_id",
            "subscriber__email",
            "subscriber__user_id",
            "subscriber__user__email",
            "subscriber__user__is_active",
        )
        .annotate(first=Min("pk"))
        .order_by("subscriber_id")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        address = _address(row)
        if address is None:
            continue
        yield Recipient(
            address=address,
            user_id=row["subscriber__user_id"],
            unsubscribe_url=unsubscribe_url(
                subscriber_id=row["subscriber_id"], subscription_id=row["first"]
            ),
        )


def recipients_for(*, topics: list[str], thing: str | None = None) -> Iterator[Recipient]:
    """Confirmed email subscribers whose subscriptions cover any of these topics (and the
    thing), once per address, each with their own one-click unsubscribe link."""
    return _recipients(matching(topics=topics, thing=thing))


def now_matching(item: Item) -> QuerySet[Subscription]:
    """Subscriptions that bring this item by email straight away."""
    return matching(topics=item.topics, thing=item.thing).filter(
        frequency=Frequency.NOW, channel=Channel.EMAIL
    )


def recipients_now(item: Item) -> Iterator[Recipient]:
    """Who gets this item by email straight away."""
    return _recipients(now_matching(item))


def subscriber_of(user) -> Subscriber | None:
    if user is None or not user.is_authenticated:
        return None
    return Subscriber.objects.filter(user=user).first()


def subscriptions_of(subscriber: Subscriber | None) -> list[Subscription]:
    if subscriber is None:
        return []
    return list(subscriber.subscriptions.order_by("topic", "pk"))


def bucket_items(key: str | None, *, thing: str | None = None, limit: int = FEED_SIZE):
    """The newest items in a bucket (the whole borough: every item)."""
    items = Item.objects.all()
    if key:
        items = items.filter(topic_rows__topic=key)
    if thing:
        items = items.filter(thing=thing)
    return items.order_by("-published_at", "-pk")[:limit]


def bucket_events(key: str | None, *, since, limit: int = 500):
    items = Item.objects.filter(starts_at__isnull=False, ends_at__gte=since)
    if key:
        items = items.filter(topic_rows__topic=key)
    return items.order_by("starts_at", "pk")[:limit]


def letters_waiting_count() -> int:
    return Waiting.objects.filter(channel=Channel.POST, letter_run__isnull=True).count()


def letter_runs() -> QuerySet[LetterRun]:
    return LetterRun.objects.order_by("-created_at", "-pk")


def letters_of(run: LetterRun) -> list[dict]:
    """The letters of a run: a person each, with their items, oldest first."""
    rows = (
        Waiting.objects.filter(letter_run=run)
        .select_related("item", "subscriber__user")
        .order_by("subscriber_id", "item__published_at", "item_id")
    )
    letters: dict[int, dict] = {}
    for row in rows:
        letter = letters.setdefault(row.subscriber_id, {"subscriber": row.subscriber, "items": []})
        letter["items"].append(row.item)
    return list(letters.values())


def waiting_for(subscriber: Subscriber) -> QuerySet[Waiting]:
    return Waiting.objects.filter(subscriber=subscriber).select_related("item")
