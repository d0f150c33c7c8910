from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    name = "coproduce.offline"
    label = "offline"
    verbose_name = _("People who are not online")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds, reach, selectors
        from .panels import walk_ins_panel

        panels.register("event", walk_ins_panel)
        for kind in kinds.ALL:
            notification_kinds.register(kind)
        reach.register_postal_addresses(selectors.postal_address)
