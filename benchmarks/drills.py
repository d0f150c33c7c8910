"""Fault drills (issue 19, item 6): time bank transfers from 16 clients against gunicorn with
the production settings, and one fault in the middle of the load.

    .venv/bin/python benchmarks/drills.py web-kill      # SIGKILL the web server, start it again
    .venv/bin/python benchmarks/drills.py disk-full     # SQLite on a small disk that fills up
    script/with-postgres .venv/bin/python benchmarks/drills.py postgres-restart
    DATABASE_POOL=1 script/with-postgres .venv/bin/python benchmarks/drills.py postgres-restart

- web-kill: the server (master and workers at once) is killed with SIGKILL at transfer
  --kill-at and started again, as after a crash or the out-of-memory killer.
- disk-full: the SQLite database lives on a tmpfs of --disk-mb MiB (mounting it needs root).
  At --kill-at a file fills the disk; after --outage seconds it is removed.
- postgres-restart: at --kill-at the PostgreSQL server is restarted (`pg_ctl restart -m
  fast`, the command script/with-postgres gives in $PG_RESTART_COMMAND); the app is not.

A drill passes when every transfer acknowledged with 201 is in the database and the ledger's
invariants hold (nothing half-written); no answer is a 500 (a database that is away or full
gives the 503 page that says to try again); the server answered every request, except while
web-kill had it down; the fault was felt (some answers were 503 or none); and transfers were
acknowledged again once the fault ended, without restarting the app. The time from the
fault's end to the next acknowledged transfer is printed as the recovery time. Exit 0 on
pass, 1 on a failed check, 2 when the drill cannot run here.

A worker killed mid-send is drilled in the test suite: coproduce/mailing/tests/
test_kill_worker.py (a mailing to 400 people, killed again and again) and test_single.py.
"""

import argparse
import errno
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timebank_load import Load, arguments, run

DRILLS = ("web-kill", "disk-full", "postgres-restart")
CHUNK = 1 << 20


def fill(path: Path) -> int:
    """Write to `path` until the disk is full; return the bytes written."""
    written = 0
    with open(path, "wb", buffering=0) as filler:
        for size in (CHUNK, 4096, 512):
            block = b"\0" * size
            while True:
                try:
                    written += filler.write(block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return written


def disk_full(folder: Path, outage: float):
    def fault(load: Load) -> None:
        filler = folder / "filler"
        written = fill(filler)
        print(f"  disk full at transfer {load.args.kill_at} ({written >> 20} MiB filled)")
        time.sleep(outage)
        filler.unlink()
        load.fault_ended = time.monotonic()
        print(f"  space freed after {outage:.0f} s", flush=True)

    return fault


def postgres_restart(command: list[str]):
    def fault(load: Load) -> None:
        started = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        load.fault_ended = time.monotonic()
        took = load.fault_ended - started
        print(f"  PostgreSQL restarted at transfer {load.args.kill_at} in {took:.1f} s")

    return fault


def refuse(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(2)


class Tmpfs:
    """A small disk of its own, so filling it touches nothing else."""

    def __init__(self, megabytes: int):
        self.megabytes = megabytes
        self.path = Path(tempfile.mkdtemp(prefix="coproduce-drill-disk-"))

    def __enter__(self) -> Path:
        options = f"size={self.megabytes}m"
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.path)], check=True)
        return self.path

    def __exit__(self, *exc) -> None:
        subprocess.run(["umount", str(self.path)], check=False)
        self.path.rmdir()


def checks(drill: str, load: Load) -> list[str]:
    problems = []
    no_answer, busy = load.counts.get("no answer", 0), load.counts.get("503 busy", 0)
    if no_answer and drill != "web-kill":
        problems.append(f"the server did not answer {no_answer} requests")
    if not (no_answer or busy):
        problems.append("the fault was not felt: no answer was a 503 or missing")
    if load.fault_ended is None:
        problems.append("the load ended before the fault did: raise --transfers")
    elif load.recovered is None:
        problems.append("no transfer was acknowledged after the fault ended")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drill", choices=DRILLS)
    parser.add_argument("--outage", type=float, default=3.0, help="disk-full: seconds full")
    parser.add_argument("--disk-mb", type=int, default=64, help="disk-full: the disk's size")
    arguments(parser)
    parser.set_defaults(transfers=3000, kill_at=1000)
    args = parser.parse_args()
    if not 0 < args.kill_at < args.transfers:
        refuse("--kill-at must be between 0 and --transfers")
    url = args.database_url or os.environ.get("DATABASE_URL", "")

    if args.drill == "postgres-restart":
        command = os.environ.get("PG_RESTART_COMMAND", "")
        if not url.startswith("postgres") or not command:
            refuse(
                "postgres-restart needs a PostgreSQL it may restart: run it under "
                "script/with-postgres, which sets DATABASE_URL and PG_RESTART_COMMAND."
            )
        load, problems = run(args, fault=postgres_restart(shlex.split(command)))
    elif args.drill == "disk-full":
        if os.geteuid() != 0:
            refuse("disk-full mounts a small tmpfs to fill, which needs root.")
        with Tmpfs(args.disk_mb) as folder:
            args.database_url = f"sqlite:///{folder / 'drill.sqlite3'}"
            load, problems = run(args, fault=disk_full(folder, args.outage))
            from django.db import connections

            connections.close_all()  # the checks' connection holds the file open
    else:
        load, problems = run(args)

    problems += checks(args.drill, load)
    if load.recovered is not None:
        print(f"Recovery: a transfer was acknowledged {load.recovered:.2f} s after the fault ended")
    print(f"Drill {args.drill}: " + ("FAILED" if problems else "passed"))
    for problem in problems:
        print(f"  - {problem}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
