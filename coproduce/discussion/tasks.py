from django_tasks import task


@task()
def comment_notify(comment_id: int, replying_to_id: int | None = None) -> int:
    """Queued once a comment is saved: tell the people who care about it."""
    from .services import comment_notify as notify_people  # services queue this task

    return notify_people(comment_id=comment_id, replying_to_id=replying_to_id)
