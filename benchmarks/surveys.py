"""Server time of a survey's results page (and its CSV file) with 5,000 responses.

    .venv/bin/python benchmarks/surveys.py
    .venv/bin/python benchmarks/surveys.py --responses 20000 --runs 50
    script/with-postgres .venv/bin/python benchmarks/surveys.py

A survey gets one question of every kind (choose one of 4, choose several of 6, rank 4,
a scale of 1 to 5, free text answered by one person in five), and 5,000 responses from
5,000 people, some on paper. The results page is asked for through the Django test client
after one warm-up ask, as a visitor (public results) and as the owner, and timed; the CSV
file is timed too. Target (issue 14): results page median under 100 ms.
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
TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=5_000)
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

    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.surveys.models import Answer, Option, Question, Response, Survey

    rng = random.Random(14)
    owner = User.objects.create_user(email="bench-owner@example.org", password=None)
    survey = Survey.objects.create(
        title="What would make our parks better?",
        why="Money for parks.",
        what_happens_next="The parks team chooses what to do first.",
        owner=owner,
        status=Survey.Status.PUBLISHED,
        opens_at=timezone.now() - timedelta(days=10),
        closes_at=timezone.now() + timedelta(days=10),
        results_public=True,
    )
    specs = [("one", 4), ("several", 6), ("rank", 4), ("scale", 0), ("text", 0)]
    questions = []
    for position, (kind, options) in enumerate(specs, start=1):
        question = Question.objects.create(
            survey=survey,
            position=position,
            kind=kind,
            text=f"Question {position} ({kind})",
            easy_read_text=f"Question {position}",
            picture="park",
            required=kind != "text",
        )
        made = Option.objects.bulk_create(
            Option(
                question=question,
                position=n,
                text=f"Option {n}",
                easy_read_text=f"{n}",
                picture="tree",
            )
            for n in range(1, options + 1)
        )
        questions.append((question, made))
    people = User.objects.bulk_create(
        User(email=f"bench-{n}@example.org", display_name=f"Person {n}") for n in range(count)
    )
    responses = Response.objects.bulk_create(
        (
            Response(survey=survey, way="paper", entered_by=owner)
            if n % 20 == 0
            else Response(survey=survey, respondent=person)
        )
        for n, person in enumerate(people)
    )
    answers = []
    for response in responses:
        for question, options in questions:
            if question.kind == "one":
                answers.append(
                    Answer(response=response, question=question, option=rng.choice(options))
                )
            elif question.kind == "several":
                answers.extend(
                    Answer(response=response, question=question, option=o)
                    for o in rng.sample(options, rng.randint(1, 3))
                )
            elif question.kind == "rank":
                answers.extend(
                    Answer(response=response, question=question, option=o, rank=p)
                    for p, o in enumerate(rng.sample(options, len(options)), 1)
                )
            elif question.kind == "scale":
                answers.append(
                    Answer(response=response, question=question, number=rng.randint(1, 5))
                )
            elif rng.random() < 0.2:
                answers.append(
                    Answer(
                        response=response,
                        question=question,
                        text="More benches by the pond, please.",
                    )
                )
    Answer.objects.bulk_create(answers, batch_size=2_000)
    return survey, owner, len(answers)


def _time(client, url: str, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            begun = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - begun) * 1000)
    return times, len(queries)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    begun = time.perf_counter()
    survey, owner, answers = _seed(args.responses)
    seeded = time.perf_counter() - begun
    results = reverse("surveys:results", args=[survey.pk])
    visitor, owner_client = Client(), Client()
    owner_client.force_login(owner)
    as_visitor, queries = _time(visitor, results, args.runs)
    as_owner, owner_queries = _time(owner_client, results, args.runs)
    as_file, _ = _time(owner_client, reverse("surveys:results_csv", args=[survey.pk]), 5)
    median = max(statistics.median(as_visitor), statistics.median(as_owner))
    print(f"database        {connection.vendor}")
    print(f"responses       {args.responses:,} ({answers:,} answers), seeded in {seeded:.1f} s")
    print(f"results page    {_figures(as_visitor)} as a visitor, {queries} queries")
    print(f"results page    {_figures(as_owner)} as the owner, {owner_queries} queries")
    print(f"results file    {_figures(as_file)} (CSV, every response, 5 asks)")
    print(f"target          {'met' if median < TARGET_MS else 'MISSED'} (median < 100 ms)")


if __name__ == "__main__":
    main()
