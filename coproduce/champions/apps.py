from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChampionsConfig(AppConfig):
    name = "coproduce.champions"
    label = "champions"
    verbose_name = _("Street champions")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds

        for kind in kinds.ALL:
            notification_kinds.register(kind)
