"""Server time of a service's page with its feedback summary, on the large borough with
100,000 feedback responses.

    .venv/bin/python benchmarks/feedback.py --database /tmp/feedback-large.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/feedback.py
    script/with-postgres .venv/bin/python benchmarks/feedback.py   (seeds a small borough)

With `--database`, a copy of the large borough (`cp /work/bench/large.sqlite3 /tmp/…`) is
migrated and used; without it, the DATABASE_URL database (or a new SQLite file) is used and a
demo borough of `--size` is built first when it has no services. The benchmark then adds its
own 100,000 feedback responses across the services (a third of them on the busiest few), and
times, after one warm-up ask each: the busiest service's page as a visitor and as its owner
(an organiser of the organisation that runs it), the public feedback page, and the owner's
list. Target (issue 17): the service page's median under 50 ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="A SQLite copy of the large borough to use.")
    parser.add_argument("--size", choices=["small", "medium", "large"], default="small")
    parser.add_argument("--responses", type=int, default=100_000)
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


def _borough(size: str) -> None:
    from coproduce.demo import services as demo_services
    from coproduce.demo.sizes import SIZES
    from coproduce.directory.models import Service

    if not Service.objects.exists():
        ctx = demo_services.demo_context(size=SIZES[size], seed=1, write=lambda line: None)
        demo_services.demo_build(ctx, without=frozenset({"feedback"}))


def _seed(count: int):
    from django.utils import timezone

    from coproduce.directory.models import Service
    from coproduce.feedback.models import Feedback

    rng = random.Random(17)
    Feedback.objects.all().delete()
    services = list(
        Service.objects.filter(is_listed=True, organisation__is_listed=True).values_list(
            "pk", flat=True
        )
    )
    busiest = services[:5]
    now = timezone.now()
    rows = []
    for n in range(count):
        service_id = rng.choice(busiest) if n % 3 == 0 else rng.choice(services)
        answered = rng.random() < 0.4
        created = now - timedelta(days=rng.random() * 365)
        rows.append(
            Feedback(
                service_id=service_id,
                rating=rng.randint(1, 5),
                went_well="Kind staff.",
                could_be_better="A long wait.",
                words_public=rng.random() < 0.5,
                via="standard",
                answer="Thank you." if answered else "",
                answer_is_public=answered and rng.random() < 0.7,
                answered_at=created + timedelta(days=2) if answered else None,
            )
        )
    Feedback.objects.bulk_create(rows, batch_size=5_000)
    return Service.objects.select_related("organisation").get(pk=busiest[0])


def _owner(service):
    from coproduce.accounts.models import User
    from coproduce.groups.models import Membership

    owner, _ = User.objects.get_or_create(
        email="bench-feedback-owner@example.org", defaults={"display_name": "Owner"}
    )
    Membership.objects.update_or_create(
        organisation=service.organisation, user=owner, defaults={"role": "organiser"}
    )
    return owner


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.feedback.models import Feedback
    from coproduce.testing.timing import time_page

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    if not args.database:
        _borough(args.size)
    begun = time.perf_counter()
    service = _seed(args.responses)
    seeded = time.perf_counter() - begun
    on_service = Feedback.objects.filter(service=service).count()
    visitor, owner = Client(), Client()
    owner.force_login(_owner(service))
    page = reverse("services:detail", args=[service.uuid])
    as_visitor, queries = time_page(visitor, page, args.runs)
    as_owner, owner_queries = time_page(owner, page, args.runs)
    public, public_queries = time_page(visitor, reverse("feedback:public", args=[service.uuid]), 10)
    listed, list_queries = time_page(owner, reverse("feedback:manage", args=[service.uuid]), 10)
    median = max(statistics.median(as_visitor), statistics.median(as_owner))
    print(f"database        {connection.vendor}")
    print(f"feedback        {args.responses:,} responses, seeded in {seeded:.1f} s")
    print(f"busiest service {on_service:,} responses")
    print(f"service page    {_figures(as_visitor)} as a visitor, {queries} queries")
    print(f"service page    {_figures(as_owner)} as the owner, {owner_queries} queries")
    print(f"public answers  {_figures(public)} as a visitor, {public_queries} queries")
    print(f"owner's list    {_figures(listed)} as the owner, {list_queries} queries")
    print(f"target          {'met' if median < TARGET_MS else 'MISSED'} (median < 50 ms)")


if __name__ == "__main__":
    main()
