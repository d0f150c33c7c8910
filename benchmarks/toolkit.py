"""Server time of the toolkit's pages: the list, a guide with its practice stories, a course
step, and an officer's history and compare pages of a guide with many versions.

    .venv/bin/python benchmarks/toolkit.py
    .venv/bin/python benchmarks/toolkit.py --database /tmp/large.sqlite3 --versions 500

With `--database`, a copy of a demo borough (`cp /work/bench/large.sqlite3 /tmp/…`) is
migrated and used, so the stories panel reads real learning sets and projects; without it a
new SQLite file is used. The toolkit's demo guides and courses are (re)built, then one guide
is saved `--versions` times by an officer, each save changing a line. Each page is timed after
one warm-up ask.
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="A SQLite copy of a demo borough to use.")
    parser.add_argument("--versions", type=int, default=300)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.database:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.database).resolve()}"
        elif not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms"


def _officer():
    from django.contrib.auth.models import Permission

    from coproduce.accounts.models import User

    officer, _ = User.objects.get_or_create(
        email="bench-toolkit-officer@example.org", defaults={"display_name": "Officer"}
    )
    officer.user_permissions.add(Permission.objects.get(codename="edit_guides"))
    return User.objects.get(pk=officer.pk)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.demo import services as demo_services
    from coproduce.demo.parts import toolkit as demo
    from coproduce.demo.sizes import SIZES
    from coproduce.testing.timing import time_page
    from coproduce.toolkit import services
    from coproduce.toolkit.models import Course, Guide

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    demo.clear()
    Guide.objects.all().delete()
    Course.objects.all().delete()
    demo.build(demo_services.demo_context(size=SIZES["small"], seed=1, write=lambda line: None))
    officer = _officer()
    guide = Guide.objects.get(slug="run-an-action-learning-set")
    lines = guide.body.split("\n")
    for n in range(args.versions):
        lines[n % len(lines)] += f" Change {n}."
        services.guide_update(
            guide=guide,
            by=officer,
            title=guide.title,
            summary=guide.summary,
            body="\n".join(lines),
            note=f"Change {n}",
        )
        guide.refresh_from_db()
    course = Course.objects.first()
    visitor, staff = Client(), Client()
    staff.force_login(officer)
    pages = [
        ("toolkit list", visitor, reverse("toolkit:home")),
        ("guide + stories", visitor, reverse("toolkit:guide", args=[guide.slug])),
        ("course step", visitor, reverse("toolkit:step", args=[course.slug, 1])),
        ("history", staff, reverse("toolkit:history", args=[guide.slug])),
        (
            "compare 1 to last",
            staff,
            reverse("toolkit:compare", args=[guide.slug]) + f"?from=1&to={guide.version}",
        ),
    ]
    print(f"database           {connection.vendor}")
    print(f"guide versions     {guide.version}")
    for name, client, url in pages:
        times, queries = time_page(client, url, args.runs)
        print(f"{name:18} {_figures(times)}, {queries} queries")


if __name__ == "__main__":
    main()
