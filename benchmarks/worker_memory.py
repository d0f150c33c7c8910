"""Web workers' memory after skill suggestions, with and without the shared skills process.

    .venv/bin/python benchmarks/worker_memory.py --database-url sqlite:////tmp/medium.sqlite3

Starts gunicorn as deployed (deploy/gunicorn.conf.py, production settings, 3 workers) against
a seeded database, signs in as the demo resident, asks for live skill suggestions
(/skills/suggest) enough times to reach every worker, browses the main pages, then prints
each worker's resident memory. Done twice: with `manage.py skills_service` answering
(SKILLS_SERVICE_URL set, as deployed) and without it (each worker loads the model). Target
(issue 19): every web worker under 150 MiB.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from serving import PORT, ROOT, VENV, _rss_of_children, _wait_until_up, production_env

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
PAGES = ["/", "/projects/", "/map/", "/groups/", "/events/", "/places/"]


def _rss_of(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1]) // 1024


def _exercise(base: str, rounds: int) -> tuple[int, int]:
    """Suggestions and pages as a signed-in resident; how many suggestion answers were 200."""
    visitor = _Crawler(base, per_shape=1, limit=1)
    visitor.sign_in(
        "resident@demo.northbrook.invalid", os.environ.get("DEMO_PASSWORD", "coproduce-demo")
    )
    answered = asked = 0
    for n in range(rounds):
        text = SENTENCES[n % len(SENTENCES)]
        status, _ = visitor.fetch(f"{base}/skills/suggest?{urlencode({'text': text})}")
        asked += 1
        answered += status == 200
        visitor.fetch(base + PAGES[n % len(PAGES)])
    return answered, asked


def _run(env: dict, *, shared: bool, rounds: int) -> bool:
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
        answered, asked = _exercise(f"http://127.0.0.1:{PORT}", rounds)
        seconds = time.perf_counter() - started
        sizes = _rss_of_children(web.pid)
        label = "shared skills process" if shared else "model in each worker "
        print(
            f"{label}: workers {', '.join(f'{s} MiB' for s in sizes)} (total {sum(sizes)} MiB)"
            + (f"; skills process {_rss_of(skills.pid)} MiB" if skills else "")
            + f"; {answered}/{asked} suggestions answered in {seconds:.1f} s",
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
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (a seeded database) or set DATABASE_URL")
    env = production_env(args.database_url, STAFF_TWO_FACTOR_REQUIRED="false")
    shared_ok = _run(env, shared=True, rounds=args.rounds)
    _run(env, shared=False, rounds=args.rounds)
    print(
        f"target: every worker under {TARGET_MIB} MiB with the shared process: "
        + ("met" if shared_ok else "NOT met")
    )
    return 0 if shared_ok else 1


if __name__ == "__main__":
    sys.exit(main())
