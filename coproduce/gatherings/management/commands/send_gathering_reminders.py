from django.core.management.base import BaseCommand

from coproduce.gatherings.services.reminders import action_reminders_send, event_reminders_send


class Command(BaseCommand):
    help = (
        "Remind people with a place at an event tomorrow, and owners of actions that are due "
        "soon or whose action learning set meets again soon. Run daily; safe to run more "
        "often (nobody gets the same reminder twice)."
    )

    def handle(self, *args, **options):
        events = event_reminders_send()
        actions = action_reminders_send()
        self.stdout.write(f"Sent {events} event reminders and {actions} action reminders.")
