"""gunicorn against granian, serving the same pages from the same database (ADR 0031).

    .venv/bin/python benchmarks/serving.py --database-url sqlite:////tmp/large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/serving.py   # after seeding that database

Each server runs the production settings with 3 worker processes (and, where the server has
them, 4 threads each), as deployed. Client threads on the same machine ask a fixed mix of
pages (home, projects, map, groups, a project, a place) with keep-alive connections, for
--seconds at 1, 8 and 16 at once. Printed per server and concurrency: requests a second, p50
and p95 in ms, errors; then each server's memory: the resident size of each worker after the
run (summed and per worker).
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
PORT = 8799
PAGES = ["/", "/projects/", "/map/", "/groups/", "/projects/1/", "/places/1/"]


def _servers(workers: int, threads: int) -> dict[str, list[str]]:
    bind = f"127.0.0.1:{PORT}"
    return {
        "gunicorn": [
            str(VENV / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "/dev/null",
            "coproduce.wsgi:application",
        ],
        "granian": [
            str(VENV / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--no-ws",
            "coproduce.wsgi:application",
        ],
    }


def _wait_until_up(process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server stopped at start (exit {process.returncode}).")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("The server did not come up within a minute.")


def _load(concurrency: int, seconds: float) -> tuple[list[float], int]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine: list[float] = []
        n = offset
        while time.monotonic() < stop_at:
            path = PAGES[n % len(PAGES)]
            n += 1
            begun = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            if ok:
                mine.append((time.perf_counter() - begun) * 1000)
            else:
                with lock:
                    errors[0] += 1
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def _rss_of_children(pid: int) -> list[int]:
    """Resident MiB of each process whose parent is `pid`."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("PPid", "0").strip()) == pid and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) // 1024)
    return sizes


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """The production settings on this machine (plain HTTP, no limits), static files built."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "coproduce.settings.production",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "RATELIMIT_ENABLE": "false",
        "PYTHONPATH": str(ROOT),
        **extra,
    }
    subprocess.run(
        [str(VENV / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--only", choices=["gunicorn", "granian"])
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (a seeded database) or set DATABASE_URL")
    env = production_env(args.database_url)
    for name, command in _servers(args.workers, args.threads).items():
        if args.only and name != args.only:
            continue
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            _wait_until_up(process)
            _load(4, 3)  # warm every worker: connections, caches, templates
            for concurrency in (1, 8, 16):
                times, errors = _load(concurrency, args.seconds)
                times.sort()
                p95 = times[int(len(times) * 0.95) - 1] if times else float("nan")
                print(
                    f"{name:8} {concurrency:2} at once: {len(times) / args.seconds:6.1f} req/s, "
                    f"p50 {statistics.median(times) if times else float('nan'):6.1f} ms, "
                    f"p95 {p95:6.1f} ms, {errors} errors",
                    flush=True,
                )
            sizes = _rss_of_children(process.pid)
            print(f"{name:8} workers' memory: {sum(sizes)} MiB ({', '.join(map(str, sizes))})")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
