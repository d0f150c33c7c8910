"""Queueing a task so that it runs only for a change that was kept (committed)."""

from django.db import transaction
from django_tasks_db.backend import DatabaseBackend


def task_enqueue_on_commit(task, *args) -> None:
    """Queue `task(*args)` once the current transaction commits; never for one rolled back.

    With the database queue (the default), the task's row is written in the transaction
    itself, as an outbox: it commits or is undone with the change, so it cannot be lost
    between the two, and it needs no commit of its own (one round trip to the database fewer
    for each request that queues an email). With any other queue, it is queued once the
    transaction has committed.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))
