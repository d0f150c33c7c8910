"""Work queued by this app's services. This module imports no services: they import it."""

from django_tasks import task

from . import building
from .retention import retention_apply


@task()
def export_build(export_id: int) -> int:
    """Build a queued data export and email its link. Returns the zip's size in bytes."""
    return building.export_build(export_id=export_id)


@task()
def apply_retention() -> dict[str, int]:
    """Queueable form of the daily retention run, for schedulers that enqueue tasks."""
    return retention_apply()
