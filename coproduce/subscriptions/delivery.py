"""Delivering items: once per item, straight away through one mailing, or waiting for a
summary (daily, weekly) or a letter. The summaries are sent from here too."""

import secrets
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.common.dates.text import when
from coproduce.common.email import absolute_url
from coproduce.common.errors import Refusal
from coproduce.mailing import services as mailing
from coproduce.mailing.types import Recipient

from . import keys, selectors
from .models import Channel, Frequency, Item, Subscriber, Subscription, Waiting

DIGEST_BATCH = 500
FREQUENCIES = {"now": Frequency.NOW, "daily": Frequency.DAILY, "weekly": Frequency.WEEKLY}


def frequency_of(value) -> Frequency:
    """A frequency from its word ("daily") or number; a Refusal for anything else."""
    if isinstance(value, str) and value in FREQUENCIES:
        return FREQUENCIES[value]
    try:
        return Frequency(int(value))
    except (TypeError, ValueError):
        raise Refusal(_("Choose how often you want to hear."), field="frequency") from None


FAN_OUT = """
INSERT INTO {waiting} (subscriber_id, item_id, channel, frequency, created_at, letter_run_id, claim)
SELECT subscriber_id, %s, channel, MIN(frequency), %s, NULL, ''
FROM {subscription}
WHERE confirmed = %s AND topic IN ({topics}) AND (things & %s) != 0
GROUP BY subscriber_id, channel
HAVING channel = %s OR MIN(frequency) > %s
ON CONFLICT DO NOTHING
"""


def _fan_out(item: Item) -> int:
    """Waiting rows for everyone who gets this item later (summary or letter): one SQL
    statement, so 100,000 of them never pass through Python."""
    topics = selectors.match_topics(item.topics)
    sql = FAN_OUT.format(
        waiting=connection.ops.quote_name(Waiting._meta.db_table),
        subscription=connection.ops.quote_name(Subscription._meta.db_table),
        topics=", ".join(["%s"] * len(topics)),
    )
    params = [
        item.pk,
        timezone.now(),
        True,
        *topics,
        keys.BITS[item.thing],
        Channel.POST,
        Frequency.NOW,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _item_context(item: Item) -> dict:
    """An item as plain values, for email templates rendered later by the mailing app."""
    return {
        "title": item.title,
        "summary": item.summary,
        "url": absolute_url(item.url) if item.url.startswith("/") else item.url,
        "thing": item.get_thing_display(),
        "where": item.where,
        "starts_at": when(item.starts_at) if item.starts_at else "",
    }


@transaction.atomic
def item_deliver(*, item_id: int) -> int:
    """Deliver an item once: one mailing to straight-away subscribers, Waiting rows for the
    rest. The item is locked and marked delivered in the same transaction, so two workers
    never deliver it twice. Returns the number of straight-away recipients."""
    item = Item.objects.select_for_update().filter(pk=item_id, delivered=False).first()
    if item is None:
        return 0
    Item.objects.filter(pk=item.pk, delivered=False).update(delivered=True)
    _fan_out(item)
    if not selectors.now_matching(item).exists():
        return 0
    the_mailing = mailing.mailing_create(
        purpose="subscriptions-now",
        template_base="subscriptions/email/item",
        context={"item": _item_context(item)},
        label=item.title[:100],
    )
    added = mailing.mailing_recipients_add(
        mailing=the_mailing, recipients=selectors.recipients_now(item)
    )
    if added:
        mailing.mailing_start(mailing=the_mailing)
    return added


@task()
def deliver_item(item_id: int) -> int:
    """Match a new item to its subscriptions and send or queue it (once, however often run)."""
    return item_deliver(item_id=item_id)


# Summaries -----------------------------------------------------------------------------


def digests_send(*, frequency, now: datetime | None = None) -> int:
    """Send everyone their daily or weekly summary of what waited for them.

    Batches of people, each batch its own transaction: its rows are claimed (an UPDATE that
    only takes unclaimed rows), put in one mailing, and deleted, all or nothing. Two runs at
    once never take the same row, and a failed batch leaves its rows waiting. Returns the
    number of people sent a summary.
    """
    how_often = frequency_of(frequency)
    sent = 0
    while True:
        batch = _digest_batch(how_often)
        if batch is None:
            return sent
        sent += batch


@transaction.atomic
def _digest_batch(how_often: Frequency) -> int | None:
    pending = Waiting.objects.filter(channel=Channel.EMAIL, frequency=how_often, claim="")
    subscriber_ids = list(
        pending.order_by("subscriber_id")
        .values_list("subscriber_id", flat=True)
        .distinct()[:DIGEST_BATCH]
    )
    if not subscriber_ids:
        return None
    claim = secrets.token_hex(16)
    pending.filter(subscriber_id__in=subscriber_ids).update(claim=claim)
    rows = (
        Waiting.objects.filter(claim=claim)
        .select_related("item", "subscriber__user")
        .order_by("subscriber_id", "item__published_at", "item_id")
    )
    people: dict[int, tuple[Subscriber, list[dict]]] = {}
    for row in rows:
        people.setdefault(row.subscriber_id, (row.subscriber, []))[1].append(
            _item_context(row.item)
        )
    Waiting.objects.filter(claim=claim).delete()
    recipients = []
    for subscriber, items in people.values():
        address = subscriber.address
        if address is None:
            continue
        recipients.append(
            Recipient(
                address=address,
                user_id=subscriber.user_id,
                context={"items": items, "manage_url": selectors.manage_url(subscriber)},
                unsubscribe_url=selectors.unsubscribe_url(
                    subscriber_id=subscriber.pk, subscription_id=None
                ),
            )
        )
    if not recipients:
        return 0
    the_mailing = mailing.mailing_create(
        purpose="subscriptions-digest",
        template_base="subscriptions/email/digest",
        context={"weekly": how_often == Frequency.WEEKLY},
        label=str(how_often.label),
    )
    added = mailing.mailing_recipients_add(mailing=the_mailing, recipients=recipients)
    if added:
        mailing.mailing_start(mailing=the_mailing)
    return added
