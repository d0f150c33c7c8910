"""Time to match a new item to every subscription it concerns, with 400,000 subscriptions.

    .venv/bin/python benchmarks/subscriptions_match.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/subscriptions_match.py
    .venv/bin/python benchmarks/subscriptions_match.py --no-seed   # buckets only, no borough

The large borough is seeded (`seed_demo --if-empty`), then 400,000 confirmed subscriptions
are bulk-created for 100,000 subscribers over its buckets (the whole borough, themes, wards,
places, groups, series; a mix of straight away, daily, weekly and post). 200 new items, each
with a theme, a ward, a place and sometimes a group or series, are matched: the indexed query
`selectors.matching` read to the end (subscriber, how often, how). Median and p95 are printed.
Target (issue 15): under 50 ms. With --no-seed the buckets are drawn from the large
borough's numbers without building it: matching reads only the subscriptions table.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0
SUBSCRIPTIONS = 400_000
SUBSCRIBERS = 100_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--no-seed", action="store_true", help="Do not build the borough.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _buckets(args):
    """Ids of wards, places, groups and series to subscribe to."""
    from coproduce.demo.sizes import SIZES
    from coproduce.gatherings.models import Series
    from coproduce.groups.models import Organisation
    from coproduce.places.models import Place, Ward

    if args.no_seed:
        size = SIZES[args.size]
        return (
            list(range(1, size.wards + 1)),
            list(range(1, size.places + 1)),
            list(range(1, 301)),
            list(range(1, 41)),
        )
    return (
        list(Ward.objects.values_list("pk", flat=True)),
        list(Place.objects.values_list("pk", flat=True)),
        list(Organisation.objects.values_list("pk", flat=True)) or [1],
        list(Series.objects.values_list("pk", flat=True)) or [1],
    )


def _topic(rng, themes, wards, places, groups, series) -> str:
    roll = rng.random()
    if roll < 0.05:
        return ""
    if roll < 0.35:
        return f"ward:{rng.choice(wards)}"
    if roll < 0.60:
        return f"theme:{rng.choice(themes)}"
    if roll < 0.80:
        return f"place:{rng.choice(places)}"
    if roll < 0.93:
        return f"group:{rng.choice(groups)}"
    return f"series:{rng.choice(series)}"


def _seed_subscriptions(rng, buckets) -> None:
    from django.utils import timezone

    from coproduce.projects.themes import Theme
    from coproduce.subscriptions import keys
    from coproduce.subscriptions.models import Subscriber, Subscription

    if Subscription.objects.count() >= SUBSCRIPTIONS:
        return
    Subscription.objects.all().delete()
    Subscriber.objects.filter(user__isnull=True).delete()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [Subscriber(email=f"bench{n}@bench.invalid", confirmed_at=now) for n in range(SUBSCRIBERS)],
        batch_size=5_000,
    )
    ids = list(Subscriber.objects.values_list("pk", flat=True))
    themes = list(Theme.values)
    rows, made = [], 0
    for subscriber_id in ids:
        seen = set()
        for _ in range(SUBSCRIPTIONS // SUBSCRIBERS):
            topic = _topic(rng, themes, *buckets)
            if topic in seen:
                topic = f"place:{rng.choice(buckets[1])}"
                if topic in seen:
                    continue
            seen.add(topic)
            channel = "post" if rng.random() < 0.03 else "email"
            rows.append(
                Subscription(
                    subscriber_id=subscriber_id,
                    topic=topic,
                    things=keys.ALL_THINGS if rng.random() < 0.6 else rng.randint(1, 63),
                    frequency=rng.choice([0, 1, 1, 2, 2]),
                    channel=channel,
                    confirmed=True,
                )
            )
        if len(rows) >= 10_000:
            Subscription.objects.bulk_create(rows, batch_size=5_000)
            made += len(rows)
            rows = []
    Subscription.objects.bulk_create(rows, batch_size=5_000)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from coproduce.projects.themes import Theme
    from coproduce.subscriptions import selectors
    from coproduce.subscriptions.models import Subscription

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if not args.no_seed:
        call_command(
            "seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO()
        )
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    rng = random.Random(15)
    buckets = _buckets(args)
    started = time.perf_counter()
    _seed_subscriptions(rng, buckets)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE subscriptions_subscription")
    print(
        f"subscriptions   {Subscription.objects.count():,} ({time.perf_counter() - started:.1f} s)"
    )

    wards, places, groups, series = buckets
    themes = list(Theme.values)
    timings, counts, matched = [], [], []
    for index in range(args.items + 1):
        topics = [
            f"theme:{rng.choice(themes)}",
            f"ward:{rng.choice(wards)}",
            f"place:{rng.choice(places)}",
        ]
        if rng.random() < 0.5:
            topics.append(f"group:{rng.choice(groups)}")
        if rng.random() < 0.3:
            topics.append(f"series:{rng.choice(series)}")
        thing = rng.choice(["projects", "events", "funding", "items", "decisions"])
        query = selectors.matching(topics=topics, thing=thing)
        begun = time.perf_counter()
        counted = query.count()
        count_took = (time.perf_counter() - begun) * 1000
        begun = time.perf_counter()
        rows = list(
            selectors.matching(topics=topics, thing=thing).values_list(
                "subscriber_id", "frequency", "channel"
            )
        )
        took = (time.perf_counter() - begun) * 1000
        if index:  # the first is a warm-up
            timings.append(took)
            counts.append(count_took)
            matched.append(len(rows))
            assert counted == len(rows)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    median = statistics.median(timings)
    per_item = statistics.median(matched)
    print(
        f"items matched   {len(timings)}; per item: median {per_item:,.0f}, most {max(matched):,}"
    )
    counts.sort()
    count_p95 = counts[int(len(counts) * 0.95) - 1]
    print(
        f"match in the db median {statistics.median(counts):.1f} ms, p95 {count_p95:.1f} ms (COUNT)"
    )
    print(f"match + read    median {median:.1f} ms, p95 {p95:.1f} ms (target {TARGET_MS:.0f} ms)")
    print("verdict         " + ("within target" if p95 < TARGET_MS else "OVER target"))


if __name__ == "__main__":
    main()
