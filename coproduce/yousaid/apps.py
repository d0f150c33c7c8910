from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YousaidConfig(AppConfig):
    name = "coproduce.yousaid"
    label = "yousaid"
    verbose_name = _("You said, we did")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds
        from .own_sources import register_own_sources

        register_own_sources()
        for kind in kinds.ALL:
            notification_kinds.register(kind)
