from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "coproduce.sharing"
    label = "sharing"
    verbose_name = _("Sharing things and funding")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds

        for kind in kinds.ALL:
            notification_kinds.register(kind)
