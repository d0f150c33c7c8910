from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissioningConfig(AppConfig):
    name = "coproduce.commissioning"
    label = "commissioning"
    verbose_name = _("Service choice panels")

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (registers the notification kind)
        from .meetings import register_rule

        register_rule()
