"""The app served in a subprocess for load benchmarks, the way it is deployed by default.

"gunicorn" runs deploy/gunicorn.conf.py with the production settings (as `make serve` and
docs/deployment.md do), so what a benchmark measures is what is deployed; "runserver" is
Django's threaded development server with the local settings, for comparison.
Each server runs in its own process group, so `kill()` can SIGKILL the whole of it (master and
workers at once), as a crash or the kernel's out-of-memory killer would.
"""

import contextlib
import http.client
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SERVERS = ("gunicorn", "runserver")


def server_env(base: dict, *, server: str) -> dict:
    """The environment a benchmark's server runs with: production settings under gunicorn."""
    env = dict(base)
    if server == "gunicorn":
        env.update(
            DJANGO_SETTINGS_MODULE="coproduce.settings.production",
            SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(48),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            HTTPS="false",  # plain HTTP on this machine, as `make serve`
            STAFF_TWO_FACTOR_REQUIRED="false",
            WEB_LOG_LEVEL=env.get("WEB_LOG_LEVEL", "warning"),
        )
    else:
        env["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.local"
    env["DEBUG"] = "0"
    return env


class AppServer:
    def __init__(self, *, server: str, port: int, env: dict, log_path: Path):
        if server not in SERVERS:
            raise ValueError(f"server must be one of {SERVERS}")
        self.server, self.port, self.env, self.log_path = server, port, env, log_path
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        bind = f"127.0.0.1:{self.port}"
        if self.server == "gunicorn":
            gunicorn = str(Path(sys.executable).parent / "gunicorn")
            config = str(ROOT / "deploy" / "gunicorn.conf.py")
            return [gunicorn, "-c", config, "--bind", bind, "coproduce.wsgi:application"]
        return [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", bind]

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own fixed command
                self.command(),
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"The server stopped; see {self.log_path}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("The server did not start within 60 seconds")

    def _signal_group(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def kill(self) -> None:
        """SIGKILL the server and all its workers at once; wait until the port is free."""
        if self.process is None:
            return
        self._signal_group(signal.SIGKILL)
        self.process.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=0.2)
            try:
                probe.connect()
            except OSError:
                return
            finally:
                probe.close()
            time.sleep(0.05)  # a worker not yet reaped still holds the socket

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
