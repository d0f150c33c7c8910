import pytest
from django.core import mail
from django.core.management import call_command

from coproduce.common.email import email_queue

DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


@pytest.fixture
def database_task_queue(settings):
    """The real database task queue, as `make run` uses, instead of running tasks at once."""
    settings.TASKS = DB_TASKS  # django-tasks rebuilds its backends when this setting changes


@pytest.mark.django_db(transaction=True)
def test_queued_email_is_sent_by_the_worker(database_task_queue):
    """An email queued in a transaction waits in the database until the worker sends it."""
    from django_tasks_db.models import DBTaskResult

    email_queue(
        to="ada@example.org",
        template_base="accounts/email/password_reset",
        context={"link": "https://example.org/reset"},
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert mail.outbox == []
    call_command("db_worker", queue_name="*", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
