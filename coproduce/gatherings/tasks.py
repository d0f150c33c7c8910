from django_tasks import task

from .services.reminders import action_reminders_send, event_reminders_send
from .services.retention import access_needs_forget


@task()
def send_gathering_reminders() -> int:
    """Queueable form of the daily reminders (and the access-needs wipe), for schedulers that
    enqueue tasks. Returns how many reminders were sent."""
    sent = event_reminders_send() + action_reminders_send()
    access_needs_forget()
    return sent
