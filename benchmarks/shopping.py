"""Server time of mystery shopping pages: a service's results, the programme page with its
results by service, and the officer's list of shoppers and visits.

    .venv/bin/python benchmarks/shopping.py
    .venv/bin/python benchmarks/shopping.py --visits 10000 --runs 50
    script/with-postgres .venv/bin/python benchmarks/shopping.py

A programme of 12 services and 5 questions (two scales, two yes/no, words) gets `--visits`
recorded visits (default 2,000) from 200 shoppers, a tenth typed in from paper, and 100
visits still due. Each page is asked for through the Django test client after one warm-up
ask, as an officer, and timed. The issue sets no target for these pages; we hold them to the
50 ms median it sets for the other voice pages.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0
SERVICES = 12
SHOPPERS = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=30)
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
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.accounts.roles import Role, roles_sync
    from coproduce.directory.models import Service
    from coproduce.groups.models import Organisation
    from coproduce.shopping.models import (
        Answer,
        Programme,
        ProgrammeService,
        Question,
        Shopper,
        Visit,
    )

    rng = random.Random(17)
    roles_sync()
    officer = User.objects.create_user(email="bench-officer@example.org", password=None)
    officer.groups.add(*Group.objects.filter(name=Role.OFFICER))
    today = timezone.localdate()
    programme = Programme.objects.create(
        title="Is it easy to get help?",
        guide="Ask for help.",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=30),
        status=Programme.Status.OPEN,
        owner=officer,
    )
    organisation = Organisation.objects.create(name="Bench services", slug="bench-services")
    services = Service.objects.bulk_create(
        Service(organisation=organisation, name=f"Service {n}") for n in range(SERVICES)
    )
    ProgrammeService.objects.bulk_create(
        ProgrammeService(programme=programme, service=s) for s in services
    )
    kinds = ["scale", "yes_no", "scale", "yes_no", "words"]
    questions = Question.objects.bulk_create(
        Question(
            programme=programme,
            position=n,
            kind=kind,
            text=f"Question {n}",
            easy_read_text=f"Question {n}?",
            picture="good",
        )
        for n, kind in enumerate(kinds, start=1)
    )
    people = User.objects.bulk_create(
        User(email=f"bench-{n}@example.org", display_name=f"Person {n}") for n in range(SHOPPERS)
    )
    shoppers = Shopper.objects.bulk_create(
        Shopper(programme=programme, person=p, agreed_at=timezone.now()) for p in people
    )
    visits = Visit.objects.bulk_create(
        (
            Visit(
                programme=programme,
                shopper=shoppers[n % SHOPPERS],
                service=services[n % SERVICES],
                how="visit",
                due_on=today,
                done_on=today - timedelta(days=n % 30) if n < count else None,
                recorded_at=timezone.now() if n < count else None,
                way=("paper" if n % 10 == 0 else "easy_read") if n < count else "",
                entered_by=officer if n < count and n % 10 == 0 else None,
            )
            for n in range(count + 100)
        ),
        batch_size=2_000,
    )
    answers = []
    for visit in visits[:count]:
        for question in questions:
            if question.kind == "scale":
                answers.append(Answer(visit=visit, question=question, number=rng.randint(1, 5)))
            elif question.kind == "yes_no":
                answers.append(Answer(visit=visit, question=question, yes=rng.random() < 0.6))
            else:
                answers.append(Answer(visit=visit, question=question, words="The sign was small."))
    Answer.objects.bulk_create(answers, batch_size=2_000)
    return programme, services[0], officer, len(answers)


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
    begun = time.perf_counter()
    programme, service, officer, answers = _seed(args.visits)
    seeded = time.perf_counter() - begun
    client = Client()
    client.force_login(officer)
    pages = {
        "service results": reverse("shopping:service_results", args=[programme.pk, service.pk]),
        "programme page": reverse("shopping:detail", args=[programme.pk]),
        "visits page": reverse("shopping:visits", args=[programme.pk]),
    }
    print(f"database        {connection.vendor}")
    print(f"visits          {args.visits:,} done ({answers:,} answers), seeded in {seeded:.1f} s")
    medians = []
    for label, url in pages.items():
        times, queries = time_page(client, url, args.runs)
        medians.append(statistics.median(times))
        print(f"{label:<15} {_figures(times)}, {queries} queries")
    met = "met" if medians[0] < TARGET_MS and medians[1] < TARGET_MS else "MISSED"
    print(f"target          {met} (results and programme page median < 50 ms)")


if __name__ == "__main__":
    main()
