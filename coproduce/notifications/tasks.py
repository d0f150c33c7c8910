from django_tasks import task

from .services import digests_send


@task()
def send_daily_digests() -> int:
    """Queueable form of the daily summaries, for schedulers that enqueue tasks."""
    return digests_send()
