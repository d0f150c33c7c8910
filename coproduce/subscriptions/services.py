"""Every write to buckets of information goes through here.

`item_announce` is what the sources call (see sources.py); `subscription_add` is how an
account (or someone acting for them) subscribes. Delivery: an item is matched once, after its
announcement commits (`item_deliver`): straight-away email subscribers get it through one
mailing; everyone else gets a Waiting row for their summary or letter.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import normalise_email
from coproduce.common.email import absolute_url, email_queue
from coproduce.common.errors import Refusal

from . import buckets, delivery, keys, tokens
from .delivery import digests_send, item_deliver  # noqa: F401  (part of this module's API)
from .letters import letter_run_mark_printed, letter_run_prepare  # noqa: F401
from .models import (
    Channel,
    Frequency,
    Item,
    ItemTopic,
    Subscriber,
    Subscription,
    Waiting,
)


def _frequency(value) -> Frequency:
    return delivery.frequency_of(value)


def _things(things: Iterable[str]) -> int:
    try:
        return keys.mask_of(things)
    except ValueError:
        raise Refusal(_("Choose from the things listed."), field="things") from None


def _channel(value: str) -> Channel:
    if value not in Channel.values:
        raise Refusal(_("Choose email or post."), field="channel")
    return Channel(value)


def _subscriber_for_user(user) -> Subscriber:
    subscriber, _created = Subscriber.objects.get_or_create(
        user=user, defaults={"confirmed_at": timezone.now()}
    )
    return subscriber


@transaction.atomic
def subscription_add(
    *,
    user,
    topic: str | None,
    things: list[str],
    frequency,
    channel: str = "email",
    by=None,
) -> Subscription:
    """Subscribe an account to a bucket, or change the one it has for that bucket.

    By email only to a confirmed address of its own; by post for anyone (letters are printed
    by officers). `by` is whoever acts for the person, if not themselves.
    """
    buckets.topic_check(topic)
    mask = _things(things)
    how_often = _frequency(frequency)
    how = _channel(channel)
    if how == Channel.EMAIL and not (user.is_active and user.has_email and user.email_verified):
        raise Refusal(_("Confirm your email address before you subscribe by email."))
    subscriber = _subscriber_for_user(user)
    subscription, _created = Subscription.objects.update_or_create(
        subscriber=subscriber,
        topic=topic or "",
        defaults={
            "things": mask,
            "frequency": how_often,
            "channel": how,
            "confirmed": True,
            "added_by": by if by is not None and by != user else None,
        },
    )
    return subscription


@transaction.atomic
def subscription_request(*, email: str, topic: str | None, things: list[str], frequency) -> None:
    """Someone not signed in asks for a bucket by email: send a link to confirm it.

    Nothing is sent to them until they confirm. The answer is the same whether or not the
    address is known; an address already subscribed gets the link again, which changes
    nothing until it is used.
    """
    address = normalise_email(email)
    if not address:
        raise Refusal(_("Enter your email address."), field="email")
    buckets.topic_check(topic)
    mask = _things(things)
    how_often = _frequency(frequency)
    from coproduce.accounts.models import User

    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is not None:
        subscriber = _subscriber_for_user(user)
    else:
        subscriber, _created = Subscriber.objects.get_or_create(email=address)
    subscription = Subscription.objects.filter(subscriber=subscriber, topic=topic or "").first()
    if subscription is None:
        subscription = Subscription.objects.create(
            subscriber=subscriber,
            topic=topic or "",
            things=mask,
            frequency=how_often,
            channel=Channel.EMAIL,
            confirmed=False,
        )
    elif not subscription.confirmed:
        # Not confirmed yet: the newest choice stands. A confirmed one is changed only by
        # its owner, from their own page.
        subscription.things, subscription.frequency = mask, how_often
        subscription.save(update_fields=["things", "frequency", "updated_at"])
    token = tokens.confirm_make(subscriber_id=subscriber.pk, subscription_id=subscription.pk)
    email_queue(
        to=address,
        template_base="subscriptions/email/confirm",
        context={
            "bucket": buckets.topic_label(topic),
            "confirm_link": absolute_url(reverse("subscriptions:confirm", args=[token])),
            "days": tokens.CONFIRM_DAYS,
        },
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    """Confirm an address from the link in its email; doing it twice changes nothing."""
    try:
        subscriber_id, subscription_id = tokens.confirm_read(token)
    except tokens.BadToken:
        raise Refusal(_("This link does not work. It may be too old.")) from None
    subscription = (
        Subscription.objects.select_for_update()
        .select_related("subscriber")
        .filter(pk=subscription_id, subscriber_id=subscriber_id)
        .first()
    )
    if subscription is None:
        raise Refusal(_("This subscription has been stopped. You can subscribe again."))
    subscriber = subscription.subscriber
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at", "updated_at"])
    if not subscription.confirmed:
        subscription.confirmed = True
        subscription.save(update_fields=["confirmed", "updated_at"])
    return subscription


@transaction.atomic
def subscription_change(
    *, subscription: Subscription, things: list[str], frequency, channel: str | None = None
) -> Subscription:
    """Change what a subscription brings and how often."""
    subscription.things = _things(things)
    subscription.frequency = _frequency(frequency)
    fields = ["things", "frequency", "updated_at"]
    if channel is not None:
        how = _channel(channel)
        subscriber = subscription.subscriber
        if how == Channel.EMAIL and subscriber.address is None:
            raise Refusal(_("There is no email address to send to."), field="channel")
        subscription.channel = how
        fields.append("channel")
    subscription.save(update_fields=fields)
    return subscription


@transaction.atomic
def subscription_stop(*, subscription: Subscription) -> None:
    """Stop one subscription. Whatever was waiting only for it is left to go in the next
    summary: it was already promised."""
    subscription.delete()


@transaction.atomic
def subscriptions_stop_all(*, subscriber: Subscriber) -> int:
    """Stop every subscription of this subscriber, and drop what was waiting for them."""
    Waiting.objects.filter(subscriber=subscriber, letter_run__isnull=True).delete()
    return subscriber.subscriptions.all().delete()[1].get(Subscription._meta.label, 0)


@transaction.atomic
def unsubscribe_by_token(*, token: str) -> int:
    """Stop one subscription, or all ("all" links), from a link in an email. Returns how many
    stopped; 0 when they were stopped already, which is not a mistake."""
    try:
        data = tokens.unsubscribe_read(token)
    except tokens.BadToken:
        raise Refusal(_("This link does not work.")) from None
    subscriber = Subscriber.objects.filter(pk=data.subscriber_id).first()
    if subscriber is None:
        return 0
    if data.subscription_id is None:
        return subscriptions_stop_all(subscriber=subscriber)
    return (
        subscriber.subscriptions.filter(pk=data.subscription_id)
        .delete()[1]
        .get(Subscription._meta.label, 0)
    )


@transaction.atomic
def subscriber_forget(*, subscriber: Subscriber) -> None:
    subscriber.delete()


# Items ---------------------------------------------------------------------------------


def _clean_topics(topics: Iterable[str]) -> list[str]:
    clean = []
    for topic in topics:
        try:
            keys.parse(topic)
        except keys.BadTopic:
            raise ValueError(f"bad topic key {topic!r}") from None
        clean.append(topic)
    return sorted(set(clean))


@transaction.atomic
def item_announce(
    *,
    source: str,
    thing: str,
    title: str,
    summary: str,
    url: str,
    topics: list[str],
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    where: str = "",
    deliver: bool = True,
) -> Item:
    """Put something in its buckets: the feeds and pages now, and people's email or letters
    once this transaction commits (unless `deliver` is False).

    Idempotent per `source`: a second call updates the item (title, topics, times) and never
    delivers it twice.
    """
    if thing not in keys.BITS:
        raise ValueError(f"unknown thing {thing!r}")
    clean = _clean_topics(topics)
    values = {
        "thing": thing,
        "title": title[:200],
        "summary": summary,
        "url": url[:500],
        "topics": clean,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "where": where[:300],
    }
    item = Item.objects.select_for_update().filter(source=source).first()
    if item is None:
        item = Item.objects.create(
            source=source, published_at=timezone.now(), delivered=not deliver, **values
        )
    else:
        for field, value in values.items():
            setattr(item, field, value)
        item.save()
        ItemTopic.objects.filter(item=item).exclude(topic__in=clean).delete()
    ItemTopic.objects.bulk_create(
        [ItemTopic(item=item, topic=topic) for topic in clean], ignore_conflicts=True
    )
    if not item.delivered:
        item_id = item.pk
        transaction.on_commit(lambda: _queue_delivery(item_id))
    return item


def _queue_delivery(item_id: int) -> None:
    delivery.deliver_item.enqueue(item_id)
