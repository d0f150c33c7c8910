from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GatheringsConfig(AppConfig):
    name = "coproduce.gatherings"
    label = "gatherings"
    verbose_name = _("Gatherings")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds

        for kind in kinds.ALL:
            notification_kinds.register(kind)
