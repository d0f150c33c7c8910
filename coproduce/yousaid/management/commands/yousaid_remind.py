from django.core.management.base import BaseCommand

from coproduce.yousaid.services import reminders_send


class Command(BaseCommand):
    help = (
        "Remind the owners of council responses due within 7 days, and of overdue ones. "
        "Run daily; safe to run more often (each response's owner is reminded at most once "
        "a week)."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"Sent {sent} reminders of council responses.")
