from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "coproduce.sharing"
    label = "sharing"
    verbose_name = _("Sharing things and funding")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds, report_targets  # noqa: F401 (report_targets registers on import)
        from .topics import register_topic

        for kind in kinds.ALL:
            notification_kinds.register(kind)
        register_topic()
