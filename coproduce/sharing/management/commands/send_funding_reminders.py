from django.core.management.base import BaseCommand

from coproduce.sharing.services.funding import reminders_send


class Command(BaseCommand):
    help = (
        "Remind followers of funding 14 days and 2 days before its deadline. Run daily; "
        "safe to run twice (nobody gets the same reminder again)."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"Sent {sent} funding reminders.")
