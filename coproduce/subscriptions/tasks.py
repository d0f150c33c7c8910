from django_tasks import task

from . import services
from .delivery import deliver_item  # noqa: F401  (queued from services, listed here too)
from .sources import announce  # noqa: F401


@task()
def subscriptions_digests(frequency: str) -> int:
    """Queueable form of the daily ("daily") or weekly ("weekly") summaries."""
    return services.digests_send(frequency=frequency)
