"""Server time and query counts of messages and the project page's helpers, large borough.

    cp var/bench-large.sqlite3 /tmp/bench-messaging.sqlite3
    .venv/bin/python benchmarks/messaging.py --keep /tmp/bench-messaging.sqlite3
    script/with-postgres .venv/bin/python benchmarks/messaging.py

It writes (threads and messages for one busy person), so point --keep at a copy. The
borough is seeded if empty. A busy project owner gets 400 threads of 25 messages each, and
the busiest project 60 accepted helpers; then the inbox (first and a deep page), a thread and
that project page are asked for, each after one warm-up (and the notifications page, as a
baseline for a signed-in page). The queries must not grow.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse (a copy: it writes).")
    parser.add_argument("--threads", type=int, default=400)
    parser.add_argument("--asks", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _time(client, url: str, asks: int) -> tuple[list[float], set[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, counts = [], set()
    for _ in range(asks):
        with CaptureQueriesContext(connection) as queries:
            begun = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begun) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counts.add(len(queries))
    return sorted(times), counts


def _threads_for(owner, project, helpers, n_threads: int):
    """Threads between `owner` and helpers about `project`-like subjects, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from coproduce.messaging.models import Message, Participant, Thread
    from coproduce.projects.models import Project

    kind = ContentType.objects.get_for_model(Project)
    subjects = list(Project.objects.exclude(pk=project.pk).values_list("pk", "title")[:n_threads])
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [
            Thread(
                topic="project",
                subject_type=kind,
                subject_id=pk,
                subject_title=title,
                subject_url=f"/projects/{pk}/",
                member=helpers[i % len(helpers)],
                last_message_at=now,
            )
            for i, (pk, title) in enumerate(subjects)
        ],
        ignore_conflicts=False,
    )
    threads = list(Thread.objects.filter(subject_id__in=[pk for pk, _t in subjects]))
    Participant.objects.bulk_create(
        [Participant(thread=t, user=owner) for t in threads]
        + [Participant(thread=t, user_id=t.member_id) for t in threads]
    )
    Message.objects.bulk_create(
        [
            Message(thread=t, sender=owner if n % 2 else t.member, body=f"Message {n} " * 8)
            for t in threads
            for n in range(25)
        ],
        batch_size=2000,
    )
    return threads


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.messaging.models import Thread
    from coproduce.projects.models import Contribution, Owner, Project

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "message_send": "20/h"}
    call_command("migrate", verbosity=0)
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    project = (
        Project.objects.filter(owners__user__isnull=False)
        .annotate(n=Count("appreciations"))
        .order_by("-n")
        .first()
    )
    owner = Owner.objects.filter(project=project, user__isnull=False).first().user
    helpers = list(User.objects.filter(is_active=True).exclude(pk=owner.pk).order_by("pk")[:60])
    Thread.objects.filter(participants__user=owner).delete()  # from an earlier run
    Contribution.objects.filter(project=project, message="benchmark").delete()
    Contribution.objects.bulk_create(
        [
            Contribution(
                project=project,
                person=h,
                kind="offer",
                offering="time",
                message="benchmark",
                status="accepted",
                decided_at=timezone.now(),
            )
            for h in helpers
        ]
    )
    threads = _threads_for(owner, project, helpers, args.threads)
    print(f"database      {connection.vendor}")
    print(f"threads       {len(threads)} for one owner, 25 messages each; 60 helpers on a project")
    client = Client()
    client.force_login(owner)
    deep = max(1, len(threads) // 20)
    pages = [
        ("notifications", "/notifications/"),  # a plain signed-in page, for comparison
        ("inbox", "/messages/"),
        (f"inbox page {deep}", f"/messages/?page={deep}"),
        ("thread", f"/messages/{threads[0].pk}/"),
        ("project page", f"/projects/{project.pk}/"),
    ]
    for name, url in pages:
        times, counts = _time(client, url, args.asks)
        print(
            f"{name:<13} median {statistics.median(times):6.1f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:6.1f} ms, queries {sorted(counts)}"
        )


if __name__ == "__main__":
    main()
