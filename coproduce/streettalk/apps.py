from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreettalkConfig(AppConfig):
    name = "coproduce.streettalk"
    label = "streettalk"
    verbose_name = _("Street conversations")

    def ready(self) -> None:
        from . import services, tasks

        # Asking for themes queues the task worker (services cannot import tasks).
        services.themes_queue_set(tasks.themes_find.enqueue)
