from django.core.management.base import BaseCommand

from coproduce.subscriptions import services


class Command(BaseCommand):
    help = "Send the daily or weekly summaries of buckets of information."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=["daily", "weekly"])

    def handle(self, *args, frequency: str, **options):
        sent = services.digests_send(frequency=frequency)
        self.stdout.write(f"Sent {sent} {frequency} summaries.")
