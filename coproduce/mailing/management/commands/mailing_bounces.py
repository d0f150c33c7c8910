"""Read bounce and complaint reports from a Maildir folder or an mbox file.

    manage.py mailing_bounces /var/mail/bounces          (a Maildir: new/ and cur/)
    manage.py mailing_bounces /var/mail/bounces.mbox     (an mbox file)

Hard bounces (RFC 3464, status 5.x.x) and complaints (RFC 5965 feedback reports) suppress
the address; soft bounces are counted on the delivery. In a Maildir each message read is
marked seen and moved to cur/, so it is not read twice; an mbox file is read whole each
time, so empty it after (hard bounces and complaints count once however often they are
read, soft bounces each time)."""

import mailbox
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduce.mailing import reports
from coproduce.mailing.services import report_record


class Command(BaseCommand):
    help = "Record bounces and complaints from a Maildir folder or an mbox file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A Maildir folder or an mbox file.")

    def handle(self, *args, path: str, **options):
        where = Path(path)
        if where.is_dir():
            if not (where / "new").is_dir() or not (where / "cur").is_dir():
                raise CommandError(
                    f"{path} is a folder but not a Maildir (it needs new/ and cur/).",
                    returncode=2,
                )
            counts = self._maildir(mailbox.Maildir(where, factory=None, create=False))
        elif where.is_file():
            counts = self._mbox(mailbox.mbox(where, create=False))
        else:
            raise CommandError(f"There is no Maildir folder or mbox file at {path}.", returncode=2)
        summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())) or "nothing"
        self.stdout.write(f"Reports read: {summary}")

    def _record(self, raw: bytes, counts: dict[str, int]) -> None:
        found = reports.parse_bytes(raw)
        if not found:
            counts["not a report"] = counts.get("not a report", 0) + 1
        for report in found:
            what = report_record(report=report)
            counts[what] = counts.get(what, 0) + 1

    def _maildir(self, box: mailbox.Maildir) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key in list(box.keys()):
            message = box.get_message(key)
            if "S" in message.get_flags():
                continue
            self._record(box.get_bytes(key), counts)
            message.set_subdir("cur")
            message.add_flag("S")
            box[key] = message
        return counts

    def _mbox(self, box: mailbox.mbox) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key in box.keys():  # noqa: SIM118 - iterating a mailbox yields messages, not keys
            self._record(box.get_bytes(key), counts)
        return counts
