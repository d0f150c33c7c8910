from django.core.management.base import BaseCommand

from coproduce.notifications.services import digests_send


class Command(BaseCommand):
    help = "Email each person a summary of their daily notifications. Safe to run twice."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"Sent {sent} daily summaries.")
