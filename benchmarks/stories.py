"""Server time of the public list of stories, whole and filtered by ward and by project.

    .venv/bin/python benchmarks/stories.py                      (a fresh small borough)
    .venv/bin/python benchmarks/stories.py --db /tmp/large-copy.sqlite3 --size large

The database is migrated and the demo borough seeded if empty; then `--stories` more
published stories (20,000 by default) are added across every ward, a third linked to a
project. Each list page is asked for through the Django test client after one warm-up, as
a visitor, and timed. No target is set by the issue; the list should stay well under 100 ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="A copy of a borough's SQLite file (changed).")
    parser.add_argument("--size", default="small", choices=["small", "medium", "large"])
    parser.add_argument("--stories", type=int, default=20_000)
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


def _seed(count: int):
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.places.models import Ward
    from coproduce.projects.models import Project
    from coproduce.stories.models import Story

    rng = random.Random(18)
    now = timezone.now()
    wards = list(Ward.objects.order_by("pk").values_list("pk", flat=True))
    people = list(User.objects.filter(is_active=True).values_list("pk", flat=True)[:5000])
    projects = list(Project.objects.filter(is_hidden=False).values_list("pk", flat=True)[:500])
    rows = [
        Story(
            teller_id=rng.choice(people),
            title=f"Bench story {n}",
            what_happened="Something went well on our street. " * 8,
            ward_id=rng.choice(wards),
            show_name=rng.random() < 0.4,
            consent_given_at=now,
            status=Story.Status.PUBLISHED,
            published_at=now,
        )
        for n in range(count)
    ]
    stories = Story.objects.bulk_create(rows, batch_size=2000)
    through = Story.projects.through
    through.objects.bulk_create(
        [
            through(story_id=story.pk, project_id=rng.choice(projects))
            for story in stories[::3]
            if projects
        ],
        batch_size=2000,
    )
    return wards[0], projects[0] if projects else None


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.places.models import Ward
    from coproduce.testing.timing import time_page

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    ward_pk, project_pk = _seed(args.stories)
    base = reverse("stories:list")
    ward = Ward.objects.get(pk=ward_pk)
    client = Client()
    print(f"database        {connection.vendor}; {args.stories:,} stories added")
    for label, url in [
        ("whole list", base),
        ("one ward", f"{base}?ward={ward.slug}"),
        ("one project", f"{base}?project={project_pk}"),
        ("page 50", f"{base}?page=50"),
    ]:
        times, queries = time_page(client, url, args.runs)
        print(f"{label:15} {_figures(times)}, {queries} queries")


if __name__ == "__main__":
    main()
