from django_tasks import task

from .services.reminders import action_reminders_send, event_reminders_send


@task()
def send_gathering_reminders() -> int:
    """Queueable form of the daily reminders, for schedulers that enqueue tasks."""
    return event_reminders_send() + action_reminders_send()
