"""Time to post a comment on a busy project, through the whole Django stack.

    .venv/bin/python benchmarks/comment_post.py
    .venv/bin/python benchmarks/comment_post.py --comments 10000 --posts 200
    script/with-postgres .venv/bin/python benchmarks/comment_post.py --database-url "$DATABASE_URL"

Sets up a temporary SQLite database (WAL, as in production's embedded mode), migrates it,
makes a project with an owner, 5 followers and --comments comments (a third of them replies),
then times --posts comment POSTs by a signed-in resident through Django's test Client (form,
permission checks, insert, queueing the notification task, redirect), as production runs
it (tasks in the database for a worker); then the notification task itself (owner and
followers told) and renders of the thread. Target (issue 5): median < 30 ms.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 30.0


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"


def run(args) -> float:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from coproduce.accounts.models import User
    from coproduce.discussion.models import Comment
    from coproduce.projects.models import Follow, Owner, Project

    settings.ALLOWED_HOSTS = ["*"]
    begun = time.perf_counter()
    call_command("migrate", verbosity=0)
    backend = settings.TASKS["default"]["BACKEND"]
    print(
        f"database: {connection.vendor}, tasks: {backend}, "
        f"migrated in {time.perf_counter() - begun:.1f} s"
    )

    begun = time.perf_counter()
    # A run's own addresses, so a second run on the same database does not clash.
    run_tag = secrets.token_hex(4)
    people = [
        User.objects.create_user(
            email=f"bench-{run_tag}-{n}@example.org", display_name=f"Bench {n}"
        )
        for n in range(8)
    ]
    owner, author, *followers = people
    project = Project.objects.create(
        title="Canal path fruit trees", summary="Plant trees.", theme="environment"
    )
    Owner.objects.create(project=project, user=owner, role=Owner.Role.LEAD)
    Follow.objects.bulk_create(Follow(project=project, user=f) for f in followers[:5])
    top = Comment.objects.bulk_create(
        Comment(project=project, author=people[n % 8], body=f"Comment {n}: count me in.")
        for n in range(args.comments * 2 // 3)
    )
    Comment.objects.bulk_create(
        Comment(project=project, author=people[n % 8], parent=top[n % len(top)], body="Me too.")
        for n in range(args.comments - len(top))
    )
    print(
        f"project with {Comment.objects.filter(project=project).count():,} comments "
        f"and {len(followers[:5])} followers made in {time.perf_counter() - begun:.1f} s"
    )

    client = Client()
    client.force_login(author)
    url = reverse("discussion:comment", args=[project.pk])
    for n in range(5):  # warm up: templates, permission caches, prepared statements
        client.post(url, {"body": f"Warm-up {n}"})
    times = []
    for n in range(args.posts):
        body = f"Comment {n} from the benchmark. We could meet on Saturday at ten."
        started = time.perf_counter()
        response = client.post(url, {"body": body})
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"POST {n} answered {response.status_code}: {response.content[:300]}")
    median = statistics.median(times)
    print(f"{args.posts} comment POSTs: {_figures(times)} (target median < {TARGET_MS:.0f} ms)")

    with CaptureQueriesContext(connection) as queries:
        client.post(url, {"body": "One more, counting queries."})
    print(f"queries per POST: {len(queries)}")

    from coproduce.discussion.tasks import comment_notify

    latest = Comment.objects.filter(project=project).latest("pk")
    fanout = []
    for _ in range(20):
        started = time.perf_counter()
        told = comment_notify.call(latest.pk)
        fanout.append((time.perf_counter() - started) * 1000)
    print(f"queued notification task (tells {told} people), run by the worker: {_figures(fanout)}")

    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get(f"/projects/{project.pk}/")
    request.user = AnonymousUser()
    template = Template("{% load discussion %}{% project_discussion project %}")
    renders = []
    for _ in range(20):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            template.render(Context({"project": project, "request": request}))
        renders.append((time.perf_counter() - started) * 1000)
    print(f"thread render (newest 50 with replies): {_figures(renders)}, {len(queries)} queries")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--database-url", help="Use this database instead of a temporary one.")
    args = parser.parse_args()
    if args.comments < 3 or args.posts < 1:
        print("--comments must be at least 3 and --posts at least 1", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        # The test settings, but with tasks queued in the database for a worker as in
        # production (settings/base.py), rather than run inside the request; and no limit on
        # how often one person may comment, since one resident posts every comment timed here.
        Path(folder, "bench_settings.py").write_text(
            "from coproduce.settings.test import *  # noqa: F403\n"
            "TASKS = {'default': {'BACKEND': 'django_tasks_db.DatabaseBackend',"
            " 'QUEUES': ['default', 'email']}}\n"
            "RATELIMIT_ENABLE = False\n"
        )
        sys.path.insert(0, folder)
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
        median = run(args)
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
