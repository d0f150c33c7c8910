"""Server time and query count of "Your page" for the busiest residents of the large borough.

    .venv/bin/python benchmarks/your_page.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/your_page.py

The borough is seeded if empty (`seed_demo --if-empty`). The residents with the most things on
their page (places at events, actions, invitations, offers to decide, time to confirm,
reservations, funding followed) are found, and each one's page is asked for `--times` times
after one warm-up ask. Signing in writes a session row, so point `--keep` at a copy.
Target (issue 16): median under 50 ms for the busiest resident; queries the same for everyone.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--people", type=int, default=5, help="How many of the busiest.")
    parser.add_argument("--times", type=int, default=50, help="Asks for each person's page.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def busiest(limit: int) -> list[tuple[int, int, int]]:
    """(user id, kinds of thing, things) for the people whose page holds the most kinds of
    thing, then the most things, counted straight from the tables."""
    from django.utils import timezone

    from coproduce.gatherings.models import Action, Rsvp
    from coproduce.matching.models import Invitation
    from coproduce.projects.models import Contribution, Owner
    from coproduce.sharing.models import FundingFollow, Reservation
    from coproduce.timebank.models import Transfer

    now = timezone.now()
    things: Counter = Counter()
    kinds: Counter = Counter()
    sources = [
        Rsvp.objects.filter(
            status__in=["confirmed", "waiting"], event__ends_at__gt=now
        ).values_list("user_id", flat=True),
        Action.objects.filter(status__in=["open", "in_progress"]).values_list(
            "owner_id", flat=True
        ),
        Contribution.objects.filter(kind="proposal", status="accepted").values_list(
            "person_id", flat=True
        ),
        Invitation.objects.filter(status="sent").values_list("person_id", flat=True),
        Owner.objects.filter(
            user__isnull=False, project__contributions__status="pending"
        ).values_list("user_id", flat=True),
        Reservation.objects.filter(status__in=["active", "lent"]).values_list(
            "reserved_by_id", flat=True
        ),
        Reservation.objects.filter(status__in=["active", "lent"]).values_list(
            "item__posted_by_id", flat=True
        ),
        FundingFollow.objects.filter(opportunity__deadline__gt=now).values_list(
            "user_id", flat=True
        ),
        Transfer.objects.filter(status="pending", from_account__user__isnull=False).values_list(
            "from_account__user_id", flat=True
        ),
        Transfer.objects.filter(status="pending", to_account__user__isnull=False).values_list(
            "to_account__user_id", flat=True
        ),
    ]
    for source in sources:
        found = Counter(pk for pk in source.iterator() if pk is not None)
        things.update(found)
        kinds.update(found.keys())
    ranked = sorted(things, key=lambda pk: (kinds[pk], things[pk]), reverse=True)
    return [(pk, kinds[pk], things[pk]) for pk in ranked[:limit]]


def _time(client, url: str) -> tuple[float, float, int]:
    """(wall-clock ms, this process's CPU ms, queries) for one ask. CPU time is shown too
    because on a shared, busy machine the wall clock mostly measures waiting for a core."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        begun, begun_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        took = (time.perf_counter() - begun) * 1000
        took_cpu = (time.process_time() - begun_cpu) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return took, took_cpu, len(queries)


def _line(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    return f"median {statistics.median(times):5.1f} ms, p95 {p95:5.1f} ms"


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from coproduce.accounts.models import User
    from coproduce.mypage.sections import your_page

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    print(f"people          {User.objects.count():,}")
    url = "/your-page/"
    walls: list[float] = []
    cpus: list[float] = []
    query_counts: set[int] = set()
    busiest_median = None
    for rank, (user_pk, kinds, things) in enumerate(busiest(args.people), start=1):
        user = User.objects.get(pk=user_pk)
        page = your_page(user)
        rows = sum(len(s.rows) for s in page.sections)
        client = Client()
        client.force_login(user)
        client.get(url)  # warm-up
        results = [_time(client, url) for _ in range(args.times)]
        wall = [w for w, _c, _q in results]
        cpu = [c for _w, c, _q in results]
        queries = sorted({q for _w, _c, q in results})
        query_counts.update(queries)
        walls.extend(wall)
        cpus.extend(cpu)
        print(
            f"resident #{rank:<2} {kinds} kinds, {things:3d} things, "
            f"{len(page.sections)} sections, {rows:2d} rows: "
            f"{_line(wall)}, cpu {_line(cpu)}, queries {queries}"
        )
        if busiest_median is None:
            busiest_median = statistics.median(wall)
    # A page with the same layout and little else, to tell this page's cost from the machine's.
    client = Client()
    client.force_login(User.objects.get(pk=busiest(1)[0][0]))
    client.get("/notifications/")
    base = [_time(client, "/notifications/") for _ in range(args.times)]
    print(f"all             {_line(walls)}, cpu {_line(cpus)}, queries {sorted(query_counts)}")
    print(
        f"for comparison  /notifications/ {_line([w for w, _c, _q in base])}, "
        f"cpu {_line([c for _w, c, _q in base])}"
    )
    verdict = "met" if busiest_median < TARGET_MS else "NOT met"
    print(f"target          busiest median under {TARGET_MS:.0f} ms (wall clock): {verdict}")


if __name__ == "__main__":
    main()
