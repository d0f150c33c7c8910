from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "coproduce.feedback"
    label = "feedback"
    verbose_name = _("Feedback on services")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds
        from .panel import service_panel

        for kind in kinds.ALL:
            notification_kinds.register(kind)
        panels.register("service", service_panel)
