"""A task queued for a change runs only if the change is kept (common.queue)."""

import pytest
from django.db import transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from coproduce.common.queue import task_enqueue_on_commit

from .test_email import DB_TASKS

ran = []


@task()
def remember(value: str) -> None:
    ran.append(value)


class Undo(Exception):
    pass


@pytest.fixture(autouse=True)
def _forget():
    ran.clear()


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_keeps_the_task_with_the_change(settings):
    """With the database queue, the task's row is written in the transaction (an outbox)."""
    settings.TASKS = DB_TASKS
    with transaction.atomic():
        task_enqueue_on_commit(remember, "kept")
        # In the same transaction, before the commit: written, and only seen from here.
        assert DBTaskResult.objects.filter(status="READY").count() == 1
    with pytest.raises(Undo), transaction.atomic():
        task_enqueue_on_commit(remember, "undone")
        raise Undo
    [row] = DBTaskResult.objects.all()
    assert row.args_kwargs["args"] == ["kept"]
    assert ran == []


@pytest.mark.django_db(transaction=True)
def test_another_queue_is_given_the_task_after_the_commit():
    """Any other queue (here, running tasks at once) gets the task only once it committed."""
    with transaction.atomic():
        task_enqueue_on_commit(remember, "kept")
        assert ran == []
    assert ran == ["kept"]
    with pytest.raises(Undo), transaction.atomic():
        task_enqueue_on_commit(remember, "undone")
        raise Undo
    assert ran == ["kept"]
