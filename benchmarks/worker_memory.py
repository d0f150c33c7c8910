"""Web workers' memory after skill suggestions, with and without the shared skills process.

    .venv/bin/python benchmarks/worker_memory.py --database-url sqlite:////tmp/medium.sqlite3

Starts gunicorn as deployed (deploy/gunicorn.conf.py, production settings, 3 workers of 4
threads) against a seeded database, signs in as the demo resident, asks for live skill
suggestions (/skills/suggest) enough times to reach every worker, browses the main pages,
then serves benchmarks/serving.py's mix of pages to 1, 8 and 16 visitors at once for
--seconds each (so every thread of every worker has served pages and holds its database
connection, as under real load), and prints each worker's resident memory. Done twice: with
`manage.py skills_service` answering (SKILLS_SERVICE_URL set, as deployed) and without it
(each worker loads the model). Target (issue 19): every web worker under 150 MiB.

Each worker's figure is its whole resident size (VmRSS), then in brackets its private memory
(RssAnon) and what is mapped from files (RssFile), shared with the other processes and the
page cache. Under SQLite the file part includes the database file, which every thread's
connection maps (PRAGMA mmap_size): the same pages are counted once per connection.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from serving import PORT, ROOT, VENV, _load, _wait_until_up, production_env

sys.path.insert(0, str(ROOT / "script"))
from crawl import _Crawler

TARGET_MIB = 150
SKILLS_PORT = PORT + 1
SENTENCES = [
    "I run the school fete every summer",
    "I do the books for the bowls club",
    "I fix bikes for the kids on our street",
    "I cook for the lunch club on Thursdays",
    "I can help people fill in forms online",
    "I drive the community minibus",
]
# What a signed-in resident browses: every part of the site they see, one page of each kind.
PAGES = [
    "/",
    "/projects/",
    "/projects/1/",
    "/map/",
    "/places/1/",
    "/groups/",
    "/gatherings/",
    "/conversations/",
    "/conversations/1/",
    "/sharing-out/",
    "/street-champions/",
    "/search/?q=garden",
    "/time-bank/",
    "/services/",
    "/news/",
    "/surveys/",
    "/stories/",
    "/skills/",
    "/impact/",
    "/your-page/",
    "/messages/",
]
MIB = 1024  # /proc gives kB


def _status(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _rss_of(pid: int) -> int:
    return int(_status(pid)["VmRSS"].split()[0]) // MIB


def _workers(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_status(int(entry.name))["PPid"]) == parent:
                    found.append(int(entry.name))
            except (OSError, KeyError):
                continue
    return sorted(found)


def _mapped_from(pid: int, path: str) -> int:
    """Resident MiB of `pid`'s mappings of the file at `path` (all of them, summed)."""
    total = 0
    inside = False
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split(maxsplit=5)
        if len(head) > 1 and "-" in head[0] and ":" not in head[0]:  # a mapping's first line
            inside = len(head) == 6 and head[5] == path
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total // MIB


def _memory(pid: int, database: str) -> str:
    """Resident MiB of a worker: whole (private, mapped from files, of which the database)."""
    fields = _status(pid)
    rss, anon, files = (int(fields[n].split()[0]) // MIB for n in ("VmRSS", "RssAnon", "RssFile"))
    mapped = _mapped_from(pid, database) if database else 0
    return f"{rss} MiB ({anon} private, {files} files" + (
        f" of which {mapped} the database)" if mapped else ")"
    )


def _sqlite_file(database_url: str) -> str:
    """The SQLite database's file, or "" for another database."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix):
        return ""
    return str(Path(database_url[len(prefix) :]).resolve())


def _exercise(base: str, rounds: int) -> tuple[int, int, list[str]]:
    """Suggestions and pages as a signed-in resident: how many suggestion answers were 200,
    how many were asked, and the pages that did not answer 200."""
    visitor = _Crawler(base, per_shape=1, limit=1)
    visitor.sign_in(
        "resident@demo.northbrook.invalid", os.environ.get("DEMO_PASSWORD", "coproduce-demo")
    )
    answered = asked = 0
    missed = []
    for n in range(max(rounds, len(PAGES))):
        text = SENTENCES[n % len(SENTENCES)]
        status, _ = visitor.fetch(f"{base}/skills/suggest?{urlencode({'text': text})}")
        asked += 1
        answered += status == 200
        page = PAGES[n % len(PAGES)]
        if visitor.fetch(base + page)[0] != 200:
            missed.append(page)
    return answered, asked, missed


def _run(env: dict, *, shared: bool, rounds: int, seconds: float) -> bool:
    env = dict(env)
    skills = None
    if shared:
        env["SKILLS_SERVICE_URL"] = f"http://127.0.0.1:{SKILLS_PORT}"
        skills = subprocess.Popen(
            [
                str(VENV / "python"),
                "manage.py",
                "skills_service",
                "--bind",
                f"127.0.0.1:{SKILLS_PORT}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        skills.stdout.readline()  # "answering on …" once the model is loaded
    else:
        env["SKILLS_SERVICE_URL"] = ""
    web = subprocess.Popen(
        [
            str(VENV / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "3",
            "--access-logfile",
            "/dev/null",
            "coproduce.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(web)
        started = time.perf_counter()
        answered, asked, missed = _exercise(f"http://127.0.0.1:{PORT}", rounds)
        took = time.perf_counter() - started
        served = sum(len(_load(at_once, seconds)[0]) for at_once in (1, 8, 16))
        workers = _workers(web.pid)
        database = _sqlite_file(env["DATABASE_URL"])
        sizes = [_rss_of(pid) for pid in workers]
        label = "shared skills process" if shared else "model in each worker "
        print(
            f"{label}: workers {', '.join(_memory(pid, database) for pid in workers)}"
            f" (total {sum(sizes)} MiB)"
            + (f"; skills process {_rss_of(skills.pid)} MiB" if skills else "")
            + f"; {answered}/{asked} suggestions answered in {took:.1f} s"
            + (f"; not 200: {', '.join(sorted(set(missed)))}" if missed else "")
            + f"; then {served} pages of the mix",
            flush=True,
        )
        return max(sizes) < TARGET_MIB and answered == asked
    finally:
        for process in (web, skills):
            if process is not None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=3, help="at each of 1, 8, 16 at once")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (a seeded database) or set DATABASE_URL")
    env = production_env(args.database_url, STAFF_TWO_FACTOR_REQUIRED="false")
    shared_ok = _run(env, shared=True, rounds=args.rounds, seconds=args.seconds)
    _run(env, shared=False, rounds=args.rounds, seconds=args.seconds)
    print(
        f"target: every worker under {TARGET_MIB} MiB with the shared process: "
        + ("met" if shared_ok else "NOT met")
    )
    return 0 if shared_ok else 1


if __name__ == "__main__":
    sys.exit(main())
