"""Demo buckets of information: a part of the demo borough (coproduce/demo/parts/).

About one resident in four subscribes to one to four buckets (their ward, a theme, the whole
borough, a place or group), with a mix of straight away, daily and weekly; a few email-only
subscribers with no account. Items are made for the demo's events, projects and shared things
already built, so bucket pages and feeds have something in them. `build(ctx)` after every
domain part; `clear()` before them. bulk_create, bypassing the services on purpose: no email
goes out for made-up subscriptions.
"""

from django.utils import timezone

from coproduce.gatherings.models import Event
from coproduce.projects.models import Project
from coproduce.projects.themes import Theme
from coproduce.subscriptions import keys
from coproduce.subscriptions.models import Item, ItemTopic, Subscriber, Subscription, Waiting

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from .people import demo_residents

SUBSCRIBER_SHARE = 0.25
EMAIL_ONLY = 0.02  # email-only subscribers, per resident
ITEMS_MAX = 2_000


def build(ctx: DemoContext) -> None:
    rng = ctx.random("subscriptions")
    now = ctx.now
    residents = demo_residents()
    chosen = [
        (user_id, ward_id) for user_id, ward_id in residents if rng.random() < SUBSCRIBER_SHARE
    ]
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(user_id=user_id, confirmed_at=now) for user_id, _ in chosen],
        batch_size=BATCH_SIZE,
    )
    email_only = Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"reader{n}@demo-readers.invalid", confirmed_at=now)
            for n in range(max(int(len(residents) * EMAIL_ONLY), 3))
        ],
        batch_size=BATCH_SIZE,
    )
    themes = list(Theme.values)
    places = list(
        Project.objects.filter(place__isnull=False).values_list("place_id", flat=True)[:500]
    )
    rows = []
    wards = [ward_id for _, ward_id in chosen]
    for index, subscriber in enumerate([*subscribers, *email_only]):
        ward_id = wards[index] if index < len(wards) else None
        topics = {f"ward:{ward_id}" if ward_id else ""}
        for _ in range(rng.randint(0, 3)):
            roll = rng.random()
            if roll < 0.5:
                topics.add(f"theme:{rng.choice(themes)}")
            elif roll < 0.7 or not places:
                topics.add("")
            else:
                topics.add(f"place:{rng.choice(places)}")
        for topic in topics:
            rows.append(
                Subscription(
                    subscriber=subscriber,
                    topic=topic,
                    things=keys.ALL_THINGS if rng.random() < 0.7 else rng.randint(1, 63),
                    frequency=rng.choice([0, 1, 2, 2]),
                    channel="email",
                    confirmed=True,
                )
            )
    Subscription.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    _items(ctx)
    ctx.counts["subscriptions"] = len(rows)
    ctx.remember([*subscribers, *email_only])


def _items(ctx: DemoContext) -> None:
    items, topics = [], []
    events = Event.objects.select_related("place").order_by("starts_at")[:ITEMS_MAX]
    for event in events:
        keys_ = sorted(
            {
                *(
                    [f"place:{event.place_id}", f"ward:{event.place.ward_id}"]
                    if event.place
                    else []
                ),
                *([f"series:{event.series_id}"] if event.series_id else []),
                *([f"group:{event.group_id}"] if event.group_id else []),
            }
        )
        items.append(
            Item(
                source=f"gatherings.event:{event.pk}",
                thing="events",
                title=event.title,
                summary=event.summary,
                url=f"/gatherings/events/{event.pk}/",
                topics=keys_,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                published_at=min(event.created_at, timezone.now()),
                delivered=True,
            )
        )
        topics.append(keys_)
    for project in Project.objects.filter(is_hidden=False).order_by("-created_at")[:ITEMS_MAX]:
        keys_ = sorted(
            {
                f"theme:{project.theme}",
                *([f"ward:{project.ward_id}"] if project.ward_id else []),
                *([f"place:{project.place_id}"] if project.place_id else []),
            }
        )
        items.append(
            Item(
                source=f"projects.project:{project.pk}",
                thing="projects",
                title=project.title,
                summary=project.summary,
                url=f"/projects/{project.pk}/",
                topics=keys_,
                published_at=project.created_at,
                delivered=True,
            )
        )
        topics.append(keys_)
    made = Item.objects.bulk_create(items, batch_size=BATCH_SIZE)
    ItemTopic.objects.bulk_create(
        [
            ItemTopic(item=item, topic=key)
            for item, keys_ in zip(made, topics, strict=True)
            for key in keys_
        ],
        batch_size=BATCH_SIZE,
    )
    ctx.remember(made)


def clear() -> None:
    Waiting.objects.filter(item__in=remembered(Item)).delete()
    Item.objects.filter(pk__in=remembered(Item)).delete()
    Subscriber.objects.filter(pk__in=remembered(Subscriber)).delete()
    forget(Item)
    forget(Subscriber)
