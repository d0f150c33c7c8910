from django.core.management.base import BaseCommand

from coproduce.gatherings.services.reminders import action_reminders_send, event_reminders_send
from coproduce.gatherings.services.retention import access_needs_forget


class Command(BaseCommand):
    help = (
        "Remind people with a place at an event tomorrow, and owners of actions that are due "
        "soon or whose action learning set meets again soon. Run daily; safe to run more "
        "often (nobody gets the same reminder twice). Also wipes access needs of events "
        "that ended over 30 days ago."
    )

    def handle(self, *args, **options):
        events = event_reminders_send()
        actions = action_reminders_send()
        forgotten = access_needs_forget()
        self.stdout.write(
            f"Sent {events} event reminders and {actions} action reminders. "
            f"Wiped the access needs of {forgotten} places at past events."
        )
