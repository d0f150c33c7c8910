"""Server time of a ward's councillor page on the large borough.

    cp /work/bench/large.sqlite3 /tmp/councillors-large.sqlite3
    .venv/bin/python benchmarks/councillors.py --db /tmp/councillors-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/councillors.py   (seeds a large borough)

The database is migrated (so the councillors tables exist), then the busiest ward (most
surveys and conversations) gets three accepted councillors, surgeries coming up and past,
and 20,000 questions go to councillors across the borough (1,000 in this ward, two in three
answered, some older than 28 days). The page is asked for through the Django test client after
one warm-up, as a visitor and as a signed-in resident, and timed. Target (issue 17): median
under 50 ms.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="A copy of the large borough's SQLite file (changed).")
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.db:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.db).resolve()}"
        elif not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms"


def _busiest_ward():
    from django.db.models import Count

    from coproduce.places.models import Ward

    return (
        Ward.objects.annotate(n=Count("surveys", distinct=True) + Count("conversations"))
        .order_by("-n", "pk")
        .first()
    )


def _seed(count: int):
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.councillors.models import Question, Seat, Surgery
    from coproduce.gatherings.models import Event
    from coproduce.places.models import Ward

    rng = random.Random(17)
    now = timezone.now()
    ward = _busiest_ward()
    wards = list(Ward.objects.order_by("pk"))
    people = list(
        User.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)[:5000]
    )
    seats = []
    for number, seat_ward in enumerate(wards):
        for n in range(3 if seat_ward == ward else 2):
            seats.append(
                Seat(
                    person_id=people[(number * 3 + n) % len(people)],
                    ward=seat_ward,
                    public_name=f"Councillor Bench {number}-{n}",
                    party="Independent",
                    status=Seat.Status.ACCEPTED,
                    accepted_at=now,
                )
            )
    Seat.objects.bulk_create(seats, ignore_conflicts=False)
    ward_seats = list(Seat.objects.filter(ward=ward))
    other_seats = list(Seat.objects.exclude(ward=ward))
    organiser = User.objects.get(pk=ward_seats[0].person_id)
    for days in (-20, -5, 4, 11, 25):
        start = now + timedelta(days=days)
        event = Event.objects.create(
            title="Councillor surgery",
            summary="Meet your councillor.",
            kind=Event.Kind.MEET_UP,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            online_url="https://example.org/surgery",
            created_by=organiser,
        )
        Surgery.objects.create(seat=ward_seats[days % len(ward_seats)], event=event)
    in_ward = count // 20
    rows = []
    for number in range(count):
        seat = rng.choice(ward_seats) if number < in_ward else rng.choice(other_seats)
        answered = rng.random() < 0.66
        rows.append(
            Question(
                seat=seat,
                asker_id=rng.choice(people),
                show_name=rng.random() < 0.3,
                body=f"Question number {number} about the ward?",
                answer="An answer." if answered else "",
                answered_at=now if answered else None,
            )
        )
    Question.objects.bulk_create(rows, batch_size=2000)
    # Spread the asking over the last year, so some unanswered ones are waiting.
    for question in Question.objects.filter(seat__ward=ward).only("pk"):
        rows_ago = rng.randint(0, 365)
        Question.objects.filter(pk=question.pk).update(created_at=now - timedelta(days=rows_ago))
    return ward, User.objects.get(pk=people[-1])


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.testing.timing import time_page

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", size="large", if_empty=True, no_progress=True, stdout=StringIO())
    begun = time.perf_counter()
    ward, resident = _seed(args.questions)
    seeded = time.perf_counter() - begun
    url = reverse("councillors:ward", args=[ward.slug])
    visitor, signed_in = Client(), Client()
    signed_in.force_login(resident)
    as_visitor, queries = time_page(visitor, url, args.runs)
    as_resident, resident_queries = time_page(signed_in, url, args.runs)
    median = max(statistics.median(as_visitor), statistics.median(as_resident))
    print(f"database        {connection.vendor}")
    print(f"ward            {ward.name}; {args.questions:,} questions, seeded in {seeded:.1f} s")
    print(f"councillor page {_figures(as_visitor)} as a visitor, {queries} queries")
    print(f"councillor page {_figures(as_resident)} as a resident, {resident_queries} queries")
    print(f"target          {'met' if median < TARGET_MS else 'MISSED'} (median < 50 ms)")


if __name__ == "__main__":
    main()
