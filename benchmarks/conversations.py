"""Taking part in a large conversation, and reading its results, through the whole Django stack.

    .venv/bin/python benchmarks/conversations.py
    .venv/bin/python benchmarks/conversations.py --participants 100000 --votes 10000000
    script/with-postgres .venv/bin/python benchmarks/conversations.py --database-url "$DATABASE_URL"

Sets up a temporary SQLite database (WAL, as in production's embedded mode), migrates it, and
makes one open conversation with --statements statements and --votes votes from
--participants participants who fall into three latent opinion groups (numpy makes the votes;
they go in with executemany, and the statements' counters are set from them). Then, as a
signed-in resident who has answered half the statements, it times through Django's test
Client:

- the conversation's page, which chooses the next statement (opinion.next_statement over every
  statement's counts and what this person answered) and renders it: target median < 20 ms;
- recording a vote (POST, with the lock, the counters and queueing the analysis task, as
  production runs it: tasks go to the database for a worker): target median < 20 ms;
- the analysis task once (reading every vote and the opinion-groups maths), and then the
  results page, which only reads the snapshot: target median < 100 ms.

Exits 1 if a target is missed.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_NEXT_MS = 20.0
TARGET_VOTE_MS = 20.0
TARGET_RESULTS_MS = 100.0
GROUPS = 3


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"


def _votes(args, rng):
    """Participant index, statement index and value for each vote, with GROUPS latent groups:
    each group leans to agree or disagree with each statement."""
    import numpy as np

    per_person = max(1, min(args.statements, args.votes // args.participants))
    leaning = rng.choice([-1, 1], size=(GROUPS, args.statements))
    group = rng.integers(0, GROUPS, size=args.participants)
    people = np.repeat(np.arange(args.participants), per_person)
    # Distinct statements per person, uniformly: the smallest of random keys, a block of
    # people at a time to bound memory.
    statements = np.empty(len(people), dtype=np.int64)
    block = 2_000
    for start in range(0, args.participants, block):
        stop = min(start + block, args.participants)
        keys = rng.random((stop - start, args.statements))
        chosen = np.argpartition(keys, per_person - 1, axis=1)[:, :per_person]
        statements[start * per_person : stop * per_person] = chosen.ravel()
    lean = leaning[group[people], statements]
    roll = rng.random(len(people))
    values = np.where(roll < 0.75, lean, np.where(roll < 0.9, -lean, 0)).astype(np.int64)
    return people, statements, values


def build(args):
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.conversations.models import Conversation, Participant, Statement

    rng = np.random.default_rng(args.seed)
    owner = User.objects.create_user(email="owner@example.org", display_name="Owner")
    resident = User.objects.create_user(email="resident@example.org", display_name="Resident")
    conversation = Conversation.objects.create(
        question="What should the food strategy do first?",
        description="A benchmark conversation.",
        scope=Conversation.Scope.BOROUGH,
        opened_by=owner,
        status=Conversation.Status.OPEN,
        opened_at=timezone.now(),
    )
    statements = Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            text=f"Statement number {n} about food in the borough.",
            author=owner,
            is_seed=True,
            status=Statement.Status.SHOWN,
        )
        for n in range(args.statements)
    )
    statement_ids = np.array([s.pk for s in statements], dtype=np.int64)
    participants = Participant.objects.bulk_create(
        (Participant(conversation=conversation) for _ in range(args.participants)),
        batch_size=5_000,
    )
    participant_ids = np.array([p.pk for p in participants], dtype=np.int64)
    people, chosen, values = _votes(args, rng)
    now = timezone.now()
    sql = (
        "INSERT INTO conversations_vote "
        "(conversation_id, participant_id, statement_id, value, created_at, updated_at) "
        "VALUES (%s, %s, %s, %s, %s, %s)"
    )
    batch = 50_000
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(people), batch):
            stop = start + batch
            cursor.executemany(
                sql,
                zip(
                    [conversation.pk] * (min(stop, len(people)) - start),
                    participant_ids[people[start:stop]].tolist(),
                    statement_ids[chosen[start:stop]].tolist(),
                    values[start:stop].tolist(),
                    [now] * (min(stop, len(people)) - start),
                    [now] * (min(stop, len(people)) - start),
                    strict=True,
                ),
            )
    counts = {
        value: np.bincount(chosen[values == value], minlength=args.statements)
        for value in (1, -1, 0)
    }
    with transaction.atomic():
        for index, statement in enumerate(statements):
            statement.agree_count = int(counts[1][index])
            statement.disagree_count = int(counts[-1][index])
            statement.pass_count = int(counts[0][index])
        Statement.objects.bulk_update(
            statements, ["agree_count", "disagree_count", "pass_count"], batch_size=2_000
        )
    # The resident has answered half the statements.
    me = Participant.objects.create(conversation=conversation, user=resident)
    half = statement_ids[: args.statements // 2]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [(conversation.pk, me.pk, int(s), 1, now, now) for s in half],
        )
    return conversation, resident, len(people) + len(half)


def run(args) -> bool:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from coproduce.conversations import tasks
    from coproduce.conversations.models import Conversation, Statement, Vote

    settings.ALLOWED_HOSTS = ["*"]
    begun = time.perf_counter()
    call_command("migrate", verbosity=0)
    backend = settings.TASKS["default"]["BACKEND"]
    print(
        f"database: {connection.vendor}, tasks: {backend}, "
        f"migrated in {time.perf_counter() - begun:.1f} s"
    )
    begun = time.perf_counter()
    conversation, resident, made = build(args)
    print(
        f"conversation with {args.statements:,} statements, {args.participants:,} participants "
        f"and {made:,} votes made in {time.perf_counter() - begun:.1f} s"
    )

    client = Client()
    client.force_login(resident)
    page = reverse("conversations:detail", args=[conversation.pk])
    for _ in range(5):  # warm up: templates, permission caches, prepared statements
        client.get(page)
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        response = client.get(page)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or b'name="answer"' not in response.content:
            raise SystemExit(f"the page answered {response.status_code} without a statement")
    next_median = statistics.median(times)
    with CaptureQueriesContext(connection) as queries:
        client.get(page)
    print(
        f"page with the next statement, {args.rounds} GETs: {_figures(times)}, "
        f"{len(queries)} queries (target median < {TARGET_NEXT_MS:.0f} ms)"
    )

    from coproduce.conversations import selectors

    me = selectors.participant_of(conversation=conversation, user=resident)
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        selectors.statement_next(conversation=conversation, participant=me)
        times.append((time.perf_counter() - started) * 1000)
    print(f"choosing the next statement alone (selectors.statement_next): {_figures(times)}")

    vote_url = reverse("conversations:vote", args=[conversation.pk])
    unanswered = list(
        Statement.objects.filter(conversation=conversation)
        .exclude(pk__in=Vote.objects.filter(participant__user=resident).values("statement_id"))
        .values_list("pk", flat=True)[: args.rounds + 5]
    )
    for pk in unanswered[:5]:
        client.post(vote_url, {"statement": pk, "answer": "agree"})
    times = []
    answers = ("agree", "disagree", "pass")
    for n, pk in enumerate(unanswered[5:]):
        started = time.perf_counter()
        response = client.post(vote_url, {"statement": pk, "answer": answers[n % 3]})
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"vote {n} answered {response.status_code}: {response.content[:300]}")
    vote_median = statistics.median(times) if times else 0.0
    with CaptureQueriesContext(connection) as queries:
        client.post(vote_url, {"statement": unanswered[-1], "answer": "agree"})
    print(
        f"{len(times)} vote POSTs: {_figures(times)}, {len(queries)} queries per change "
        f"(target median < {TARGET_VOTE_MS:.0f} ms)"
    )

    Conversation.objects.filter(pk=conversation.pk).update(analysis_pending=True)
    started = time.perf_counter()
    covered = tasks.conversation_analyse.call(conversation.pk)
    print(
        f"analysis task (read {covered:,} votes, opinion groups, snapshot): "
        f"{time.perf_counter() - started:.1f} s"
    )
    results = reverse("conversations:results", args=[conversation.pk])
    for _ in range(5):
        client.get(results)
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        response = client.get(results)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or b"Group A" not in response.content:
            raise SystemExit(f"the results page answered {response.status_code} without groups")
    results_median = statistics.median(times)
    with CaptureQueriesContext(connection) as queries:
        client.get(results)
    print(
        f"results page, {args.rounds} GETs: {_figures(times)}, {len(queries)} queries "
        f"(target median < {TARGET_RESULTS_MS:.0f} ms)"
    )
    return (
        next_median < TARGET_NEXT_MS
        and vote_median < TARGET_VOTE_MS
        and results_median < TARGET_RESULTS_MS
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000)
    parser.add_argument("--participants", type=int, default=20_000)
    parser.add_argument("--votes", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--database-url", help="Use this database instead of a temporary one.")
    args = parser.parse_args()
    if args.statements < 10 or args.participants < 10 or args.votes < args.participants:
        print(
            "--statements and --participants must be at least 10, and --votes at least "
            "--participants",
            file=sys.stderr,
        )
        return 2
    args.rounds = min(args.rounds, args.statements // 2 - 10)
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        # The test settings, but with tasks queued in the database for a worker as in
        # production (settings/base.py), rather than run inside the request.
        Path(folder, "bench_settings.py").write_text(
            "from coproduce.settings.test import *  # noqa: F403\n"
            "TASKS = {'default': {'BACKEND': 'django_tasks_db.DatabaseBackend',"
            " 'QUEUES': ['default', 'email']}}\n"
        )
        sys.path.insert(0, folder)
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
        met = run(args)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
