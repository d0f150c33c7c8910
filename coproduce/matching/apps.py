from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "coproduce.matching"
    label = "matching"
    verbose_name = _("Matching people to needs")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds

        notification_kinds.register(kinds.INVITATION)
