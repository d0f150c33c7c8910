"""Serve skill recognition to the web workers from this one process (recognition_server.py)."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coproduce.skills import recognition_server


def parse_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise CommandError(
            f"Give the address as host:port, for example 127.0.0.1:8765, not {bind!r}.",
            returncode=2,
        )
    return host.strip("[]"), int(port)


class Command(BaseCommand):
    help = "Serve skill suggestions to the web workers, so only this process loads the model."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=settings.SKILLS_SERVICE_BIND,
            help="host:port to listen on; keep it private (default SKILLS_SERVICE_BIND).",
        )

    def handle(self, *args, bind: str, **options):
        host, port = parse_bind(bind)
        try:
            server = recognition_server.make_server(host, port)
        except OSError as error:
            raise CommandError(f"Cannot listen on {bind}: {error}", returncode=2) from error
        recognition_server.warm_up()
        # SIGTERM (systemd, script/serve) stops it cleanly; shutdown() must come from another
        # thread than serve_forever's.
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
        self.stdout.write(f"Skill recognition is answering on http://{host}:{server.server_port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
