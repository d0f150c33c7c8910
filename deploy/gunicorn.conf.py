"""gunicorn's settings, all from the environment, so every machine runs the same file.

    gunicorn -c deploy/gunicorn.conf.py coproduce.wsgi:application

WEB_BIND (127.0.0.1:8000), WEB_CONCURRENCY (worker processes, 3), WEB_THREADS (threads per
worker, 4: a thread waiting on PostgreSQL lets another serve), WEB_TIMEOUT (seconds before a
stuck worker is restarted, 30), WEB_MAX_REQUESTS (restart a worker after this many requests,
with jitter, so a slow leak never grows; 50000: a worker replaced often drops its kept-alive
connections and spends a second starting again), WEB_SWITCH_INTERVAL (milliseconds a thread
runs Python before another thread of the worker may; Python's own is 5). See
docs/deployment.md.
"""

import os
import sys


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}") from None


bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = _int("WEB_CONCURRENCY", 3)
threads = _int("WEB_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("WEB_TIMEOUT", 30)
graceful_timeout = _int("WEB_GRACEFUL_TIMEOUT", 30)
keepalive = 5  # behind a proxy that keeps connections open
max_requests = _int("WEB_MAX_REQUESTS", 50000)
max_requests_jitter = max_requests // 10
# Heartbeat files in memory, not on a disk that may stall under load (gunicorn makes its own
# unique files there; nothing secret is kept in them).
SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("WEB_LOG_LEVEL", "info")
# The proxy in front sets X-Forwarded-*; only trust it from where it runs.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def _milliseconds(name: str) -> float | None:
    value = os.environ.get(name, "")
    try:
        return float(value) / 1000 if value else None
    except ValueError:
        raise SystemExit(f"{name} must be a number of milliseconds, not {value!r}") from None


switch_interval = _milliseconds("WEB_SWITCH_INTERVAL")


def post_worker_init(worker):
    # A thread whose database answer has come back waits for the one running Python to let
    # go. While it waits it may hold row locks (a transfer's accounts, an event's places),
    # and every request for those rows waits too; a shorter turn shortens that wait.
    if switch_interval:
        sys.setswitchinterval(switch_interval)
