"""Running a real task worker in a subprocess, and killing it: shared by the kill test and
the benchmark."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def worker_environment(*, database_url: str, smtp_port: int, lease: float, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="coproduce.mailing.tests.worker_settings",
        DATABASE_URL=database_url,
        MAILING_SMTP_HOST="127.0.0.1",
        MAILING_SMTP_PORT=str(smtp_port),
        MAILING_LEASE_SECONDS=str(lease),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def worker_start(env: dict, log: Path | None = None) -> subprocess.Popen:
    """`manage.py db_worker` on every queue, as production runs it; errors go to `log`."""
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "db_worker",
            "--queue-name",
            "*",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.05",
            "--verbosity",
            "0",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab") if log else subprocess.DEVNULL,
    )


def worker_kill(process: subprocess.Popen) -> None:
    """SIGKILL: no clean-up of any kind, as when a machine or container dies."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
