"""Concurrent load on the time bank ledger against a running server, then its invariants.

    .venv/bin/python benchmarks/timebank_load.py                    # temporary SQLite file
    .venv/bin/python benchmarks/timebank_load.py --kill-at 5000     # SIGKILL mid-load, restart
    script/with-postgres .venv/bin/python benchmarks/timebank_load.py [--kill-at 5000]
    ... --seconds 25                                                 # stop sending after 25 s
    ... --server runserver                                           # the development server

Starts the app server in a subprocess on a free port, as it is deployed: gunicorn with
deploy/gunicorn.conf.py (its WEB_* variables apply) and the production settings, or with
--server runserver Django's threaded development server. It runs against a temporary SQLite
file in WAL mode (the default) or $DATABASE_URL / --database-url (use a scratch database: it
is migrated and rows are added). Makes accounts with limits and coordinators with sessions,
then sends random transfers to POST /time-bank/api/transfers/ from concurrent clients. With
--kill-at N the server (master and workers at once) is killed with SIGKILL when the N-th
transfer is sent, started again, and the load goes on. Then it checks, in the database:

- the sum of all balances is exactly zero;
- each account's balance equals the sum of its postings, and is within its limits;
- every transfer acknowledged with 201 exists and is posted;
- every posted transfer has exactly two postings that sum to zero, and no posting belongs to
  a transfer that is not posted (nothing half-written).

Prints transfers a second and the load average; exits 1 if any check fails.
"""

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSRF = "b" * 32
MINUTES = [15, 30, 45, 60, 90, 120, 180]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(accounts: int, clients: int, seed: int) -> tuple[list[int], list[str]]:
    """Accounts with limits, and one coordinator session per client."""
    from django.contrib.auth.models import Permission
    from django.db import connection, transaction

    from coproduce.accounts.models import User
    from coproduce.testing.sessions import session_for
    from coproduce.timebank.models import Account

    rng = random.Random(seed)
    run = f"{int(time.time())}-{os.getpid()}"
    with transaction.atomic():
        people = User.objects.bulk_create(
            [
                User(email=f"load-{run}-{n}@bench.invalid", display_name=f"Load {n}")
                for n in range(accounts + clients)
            ]
        )
        if not all(p.pk for p in people):  # backends that do not return keys
            people = list(User.objects.filter(email__startswith=f"load-{run}-").order_by("pk"))
        holders, staff = people[:accounts], people[accounts:]
        made = Account.objects.bulk_create(
            [
                Account(
                    user=person,
                    min_balance=-60 * rng.choice([5, 10, 20]),
                    max_balance=60 * rng.choice([10, 25, 50]),
                )
                for person in holders
            ]
        )
        ids = [a.pk for a in made] or list(
            Account.objects.filter(user__in=holders).values_list("pk", flat=True)
        )
        coordinate = Permission.objects.get(
            content_type__app_label="timebank", codename="coordinate"
        )
        for person in staff:
            person.set_unusable_password()
            person.save(update_fields=["password"])
            person.user_permissions.add(coordinate)
        sessions = [session_for(person) for person in staff]
    connection.close()
    return ids, sessions


class Load:
    """Clients sending transfers; at transfer --kill-at, `fault(load)` runs in a thread (by
    default: SIGKILL the server and start it again). Once `fault_ended` is set, the time to
    the next acknowledged transfer is the recovery time."""

    def __init__(self, args, server, ids: list[int], sessions: list[str], fault=None):
        self.args, self.server, self.ids, self.sessions = args, server, ids, sessions
        self.fault = fault or Load.restart
        self.fault_ended: float | None = None
        self.recovered: float | None = None
        self.next = 0
        self.lock = threading.Lock()
        self.server_up = threading.Event()
        self.server_up.set()
        self.acknowledged: set[int] = set()
        self.counts: dict[str, int] = {}
        self.unexpected: list[str] = []
        self.restart_seconds = 0.0
        self.deadline = float("inf")

    def count(self, key: str) -> None:
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            if key == "201 posted" and self.fault_ended and self.recovered is None:
                self.recovered = time.monotonic() - self.fault_ended

    def take(self) -> int | None:
        with self.lock:
            if self.next >= self.args.transfers or time.monotonic() > self.deadline:
                return None
            self.next += 1
            return self.next

    def restart(self) -> None:
        started = time.monotonic()
        self.server_up.clear()
        self.server.kill()
        print(f"  server killed with SIGKILL at transfer {self.args.kill_at}", flush=True)
        self.server.start()
        self.restart_seconds = time.monotonic() - started
        print(f"  server started again in {self.restart_seconds:.1f} s", flush=True)
        self.fault_ended = time.monotonic()
        self.server_up.set()

    def client(self, number: int) -> None:
        rng = random.Random(f"{self.args.seed}:{number}")
        session = self.sessions[number]
        headers = {
            "Content-Type": "application/json",
            "X-CSRFToken": CSRF,
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        }
        connection = None
        while (n := self.take()) is not None:
            if n == self.args.kill_at:
                threading.Thread(target=self.fault, args=(self,)).start()
            self.server_up.wait()
            source, target = rng.sample(self.ids, 2)
            body = json.dumps(
                {
                    "from_account": source,
                    "to_account": target,
                    "minutes": rng.choice(MINUTES),
                    "description": f"Load {n}",
                }
            )
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        "127.0.0.1", self.server.port, timeout=60
                    )
                connection.request("POST", "/time-bank/api/transfers/", body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException):
                # No answer: the transfer may or may not have been committed, and it was not
                # acknowledged, so the checks do not count on it.
                self.count("no answer")
                if connection is not None:
                    connection.close()
                connection = None
                time.sleep(0.05)
                continue
            if response.status == 201:
                with self.lock:
                    self.acknowledged.add(json.loads(payload)["id"])
                self.count("201 posted")
            elif response.status == 409:
                self.count("409 past a limit")
            elif response.status == 503:
                self.count("503 busy")
            else:
                self.count(f"{response.status} unexpected")
                with self.lock:
                    self.unexpected.append(f"{response.status} {payload[:200]!r}")
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None


SERVERS = ("gunicorn", "runserver")


def arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--transfers", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument(
        "--kill-at", type=int, default=0, help="SIGKILL the server at this transfer"
    )
    parser.add_argument("--seconds", type=float, default=0, help="Stop sending after this long")
    parser.add_argument("--server", choices=SERVERS, default="gunicorn")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url", help="Default: $DATABASE_URL, else a temporary SQLite file"
    )
    return parser


def main() -> None:
    parser = arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    _, problems = run(parser.parse_args())
    if problems:
        sys.exit(1)


def run(args, *, fault=None) -> tuple[Load, list[str]]:
    """Serve, send the load (with `fault` at --kill-at), check the ledger; print a report."""
    with tempfile.TemporaryDirectory(prefix="coproduce-timebank-") as folder:
        url = args.database_url or os.environ.get("DATABASE_URL")
        if not url:
            url = f"sqlite:///{Path(folder) / 'load.sqlite3'}"
        env = dict(os.environ)
        env.update(
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="coproduce.settings.local",
            DEBUG="0",
            LOG_LEVEL="WARNING",
            TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
            # A few accounts send every request: this measures throughput, not the limits.
            RATELIMIT_ENABLE="0",
            # The sessions made here are signed with the key the server checks them with.
            SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        )
        os.environ.update(env)
        database = "PostgreSQL" if url.startswith("postgres") else "SQLite (WAL, IMMEDIATE)"
        print(f"Database: {database}", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from coproduce.testing.servers import AppServer, server_env

        ids, sessions = prepare(args.accounts, args.clients, args.seed)
        server = AppServer(
            server=args.server,
            port=free_port(),
            env=server_env(env, server=args.server),
            log_path=Path(folder) / "server.log",
        )
        server.start()
        load = Load(args, server, ids, sessions, fault)
        print(
            f"Sending {args.transfers} transfers between {len(ids)} accounts "
            f"from {args.clients} clients",
            flush=True,
        )
        started = time.monotonic()
        if args.seconds:
            load.deadline = started + args.seconds
        threads = [threading.Thread(target=load.client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        server.stop()

        from coproduce.timebank.invariants import ledger_problems
        from coproduce.timebank.models import Posting, Transfer

        problems = ledger_problems(load.acknowledged)
        problems += [f"unexpected answer: {u}" for u in load.unexpected[:10]]
        answered = sum(v for k, v in load.counts.items() if k != "no answer")
        running = elapsed - load.restart_seconds
        print(f"Server: {args.server}; load average after the run: {os.getloadavg()}")
        print("Answers:", ", ".join(f"{k}: {v}" for k, v in sorted(load.counts.items())))
        print(
            f"Posted transfers in the database: {Transfer.objects.filter(status='posted').count()}"
        )
        print(f"Postings in the database: {Posting.objects.count()}")
        print(f"Acknowledged (201) transfers, all checked present: {len(load.acknowledged)}")
        print(
            f"Wall time: {elapsed:.1f} s"
            + (
                f" (of which {load.restart_seconds:.1f} s restarting)"
                if load.restart_seconds
                else ""
            )
        )
        print(
            f"Throughput: {answered / running:.0f} answered transfers/s, "
            f"{len(load.acknowledged) / running:.0f} posted transfers/s"
        )
        if problems:
            print("FAILED:")
            for problem in problems:
                print(f"  - {problem}")
            log = (Path(folder) / "server.log").read_text(errors="replace").splitlines()
            errors = [line for line in log if not line.startswith("127.0.0.1 - ")]
            print("The server's log, without the access lines:", *errors[-80:], sep="\n")
        else:
            print(
                "All invariants hold: balances sum to zero, equal their postings, stay within "
                "limits; every acknowledged transfer is there; every transfer has two postings."
            )
        return load, problems


if __name__ == "__main__":
    main()
