"""Take up sending that stopped: a worker was killed, or a scheduled mailing's time came.

Run it from cron (or the scheduler) every minute, and when a task worker starts. Safe to run
any number of times, from anywhere: it only queues a batch where none is alive."""

from django.core.management.base import BaseCommand

from coproduce.mailing.models import Mailing
from coproduce.mailing.single import single_sends_requeue
from coproduce.mailing.tasks import mailing_revive


class Command(BaseCommand):
    help = (
        "Resume mailings whose sending stopped, begin scheduled ones that are due, and queue "
        "again single emails whose worker stopped."
    )

    def handle(self, *args, **options):
        done: dict[str, int] = {}
        statuses = [Mailing.Status.SENDING, Mailing.Status.SCHEDULED]
        for mailing in Mailing.objects.filter(status__in=statuses).order_by("pk"):
            what = mailing_revive(mailing)
            done[what] = done.get(what, 0) + 1
        summary = ", ".join(f"{what}: {n}" for what, n in sorted(done.items())) or "none"
        self.stdout.write(f"Mailings looked at: {summary}")
        requeued = single_sends_requeue()
        self.stdout.write(f"Single emails queued again after a worker stopped: {requeued}")
