"""Server time of a series' calendar feed (iCalendar) with 500 events.

    .venv/bin/python benchmarks/gatherings_ical.py
    .venv/bin/python benchmarks/gatherings_ical.py --events 2000 --runs 100
    script/with-postgres .venv/bin/python benchmarks/gatherings_ical.py

A series gets its events (a year back and the rest to come, weekly at 18:30 London time,
across clock changes), at a few places with rooms, some online, some cancelled. The feed is
asked for through the Django test client after one warm-up ask, and timed. The writer is
also timed alone on the same entries. Target: median under 100 ms for 500 events.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms"


def _seed(count: int):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from coproduce.gatherings.models import Event, Series
    from coproduce.places.models import Place, Ward

    Series.objects.filter(slug="bench-set").delete()
    ward, _ = Ward.objects.get_or_create(name="Bench ward", slug="bench-ward")
    places = []
    for number in range(5):
        hall = Place.objects.create(
            kind=Place.Kind.BUILDING,
            name=f"Community centre {number}",
            ward=ward,
            address=f"{number + 1} High Street, Northbrook",
            postcode="NB1 1AA",
            latitude=51.5,
            longitude=-0.1,
        )
        room = Place.objects.create(
            kind=Place.Kind.ROOM,
            name="Main hall",
            building=hall,
            ward=ward,
            latitude=51.5,
            longitude=-0.1,
        )
        places += [hall, room]
    series = Series.objects.create(
        title="Weekly action learning set",
        slug="bench-set",
        summary="Bring a project; leave with a plan, and come back to say how it went.",
        kind=Event.Kind.ACTION_LEARNING_SET,
    )
    london = ZoneInfo("Europe/London")
    today = timezone.localdate()
    first = datetime(today.year, today.month, today.day, 18, 30, tzinfo=london)
    first -= timedelta(weeks=50)
    events = []
    for number in range(count):
        day = (first + timedelta(weeks=number)).date()
        starts = datetime(day.year, day.month, day.day, 18, 30, tzinfo=london)
        online = number % 4 == 0
        events.append(
            Event(
                title=f"Action learning set, session {number + 1}",
                summary="Bring a project; leave with a plan, and come back to say how it went.",
                description="Three projects each session. Tea, coffee and cake; crèche.",
                kind=Event.Kind.ACTION_LEARNING_SET,
                series=series,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place=None if online else places[number % len(places)],
                online_url="https://meet.example/set" if online else "",
                status=Event.Status.CANCELLED if number % 25 == 0 else Event.Status.SCHEDULED,
                cancel_reason="The hall is closed for repairs." if number % 25 == 0 else "",
                sequence=number % 3,
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    return series


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from coproduce.gatherings import feeds

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    series = _seed(args.events)
    url = reverse("gatherings:series_ics", args=[series.slug])
    client = Client()
    response = client.get(url)  # warm-up
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    in_feed = response.content.count(b"BEGIN:VEVENT")
    times = []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            begun = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begun) * 1000)
    events = list(feeds.series_events(series))
    writer = []
    for _ in range(args.runs):
        begun = time.perf_counter()
        feeds.public_calendar(series.title, events)
        writer.append((time.perf_counter() - begun) * 1000)
    median = statistics.median(times)
    print(f"database        {connection.vendor}")
    print(f"events          {args.events:,} in the series, {in_feed:,} in the feed")
    print(f"feed size       {len(response.content) / 1024:.0f} KB, {len(queries)} queries")
    print(f"series feed     {_figures(times)} over {args.runs} asks (target median < 100 ms)")
    print(f"writer alone    {_figures(writer)} (entries and text, no database)")
    print(f"target          {'met' if median < TARGET_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
