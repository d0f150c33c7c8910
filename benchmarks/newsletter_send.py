"""A newsletter to 400,000 people: queueing time, sending rate, the worker's memory, and
exactly-once sending when the worker is killed mid-send.

    .venv/bin/python benchmarks/newsletter_send.py                 # SQLite, 20,000 sent
    .venv/bin/python benchmarks/newsletter_send.py --all           # send all 400,000
    script/with-postgres .venv/bin/python benchmarks/newsletter_send.py

1. 400,000 recipients are added to a mailing (target: under 60 s).
2. A real task worker (`manage.py db_worker`, the database queue) sends to a local SMTP
   server (aiosmtpd) that counts what each address receives: messages per second, and the
   worker's peak resident memory (target: under 300 MB, flat).
3. A second mailing (--kill-recipients people) is sent while the worker is killed with
   SIGKILL --kills times at random moments and started again; then every address must have
   received exactly one message (duplicates and misses: 0 and 0).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUEUE_TARGET_S = 60.0
MEMORY_TARGET_MB = 300.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=400_000)
    parser.add_argument("--send", type=int, default=20_000, help="How many to send and time.")
    parser.add_argument("--all", action="store_true", help="Send to all the recipients.")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--kill-recipients", type=int, default=5_000)
    parser.add_argument("--lease", type=float, default=2.0, help="MAILING_LEASE_SECONDS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.mailing.tests.worker_settings"
        os.environ["MAILING_LEASE_SECONDS"] = str(args.lease)
        sys.path.insert(0, str(ROOT))
        run(args, Path(folder))


def _memory_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process, in MB (Linux /proc)."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


def _wait(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out: the worker stopped making progress")
        time.sleep(0.02)


def run(args, folder: Path) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from coproduce.mailing.models import Delivery, Mailing
    from coproduce.mailing.services import (
        mailing_cancel,
        mailing_create,
        mailing_recipients_add,
        mailing_start,
    )
    from coproduce.mailing.tests.smtp_servers import counting_server
    from coproduce.mailing.tests.worker_run import (
        worker_environment,
        worker_kill,
        worker_start,
    )
    from coproduce.mailing.types import Recipient

    call_command("migrate", verbosity=0)
    Mailing.objects.all().delete()
    controller, server = counting_server(keep_messages=False)
    env = worker_environment(
        database_url=os.environ["DATABASE_URL"], smtp_port=controller.port, lease=args.lease
    )
    log = folder / "worker.log"
    context = {"subject": "News from the council", "body": "The park opens on Saturday. " * 20}
    print(f"database          {connection.vendor}")

    # 1. Queueing. -------------------------------------------------------------------------
    mailing = mailing_create(purpose="news", template_base="mailing/email/message", context=context)
    people = (
        Recipient(
            f"resident{n}@example.org",
            context={"body": f"Hello, resident {n}."},
            unsubscribe_url=f"https://coproduce.example/subscribe/stop/{n:08d}/",
        )
        for n in range(args.recipients)
    )
    begun = time.perf_counter()
    added = mailing_recipients_add(mailing=mailing, recipients=people)
    mailing_start(mailing=mailing)
    took = time.perf_counter() - begun
    verdict = "ok" if took < QUEUE_TARGET_S else "TOO SLOW"
    print(f"queued            {added:,} recipients in {took:.1f} s (target < 60 s: {verdict})")

    # 2. Sending. ----------------------------------------------------------------------------
    target = added if args.all else min(args.send, added)
    worker = worker_start(env, log)
    samples: list[float] = []
    _wait(lambda: server.total >= 1, timeout=60)
    started, from_count = time.perf_counter(), server.total
    next_sample = 0.0
    while server.total < target:
        if worker.poll() is not None:
            raise SystemExit(f"the worker stopped: {log.read_text()[-2000:]}")
        now = time.perf_counter()
        if now >= next_sample:
            samples.append(_memory_mb(worker.pid)[0])
            next_sample = now + 1.0
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    current, peak = _memory_mb(worker.pid)
    worker_kill(worker)
    rate = (server.total - from_count) / elapsed
    print(f"sent              {server.total:,} messages, {rate:,.0f} a second")
    first = samples[1] if len(samples) > 1 else current
    verdict = "ok" if peak < MEMORY_TARGET_MB else "TOO MUCH"
    print(
        f"worker memory     peak {peak:.0f} MB (target < 300 MB: {verdict}); "
        f"after 1 s {first:.0f} MB, at the end {current:.0f} MB"
    )
    mailing_cancel(mailing=mailing, by=None)

    # 3. Killed and started again. ------------------------------------------------------------
    server.received.clear()
    kill_mailing = mailing_create(
        purpose="news", template_base="mailing/email/message", context=context
    )
    addresses = [f"killtest{n}@example.org" for n in range(args.kill_recipients)]
    mailing_recipients_add(mailing=kill_mailing, recipients=[Recipient(a) for a in addresses])
    mailing_start(mailing=kill_mailing)
    rng = random.Random(15)
    began = time.perf_counter()
    for kill in range(args.kills):
        worker = worker_start(env, log)
        goal = (kill + 1) * len(addresses) // (args.kills + 1)
        _wait(lambda g=goal: server.total >= g, timeout=120)
        time.sleep(rng.random() * 0.05)
        worker_kill(worker)
    worker = worker_start(env, log)
    unfinished = Delivery.objects.filter(
        mailing=kill_mailing, state__in=[Delivery.State.WAITING, Delivery.State.CLAIMED]
    )
    _wait(lambda: not unfinished.exists(), timeout=300)
    worker_kill(worker)
    controller.stop()
    duplicates = sum(1 for a in addresses if server.received.get(a, 0) > 1)
    misses = sum(1 for a in addresses if server.received.get(a, 0) == 0)
    strays = sum(1 for a in server.received if a not in set(addresses))
    verdict = "ok" if duplicates == misses == strays == 0 else "WRONG"
    print(
        f"kill and resume   {args.kills} SIGKILLs over {len(addresses):,} recipients in "
        f"{time.perf_counter() - began:.1f} s: duplicates {duplicates}, misses {misses} ({verdict})"
    )


if __name__ == "__main__":
    main()
