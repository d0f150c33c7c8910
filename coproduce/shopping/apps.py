from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShoppingConfig(AppConfig):
    name = "coproduce.shopping"
    label = "shopping"
    verbose_name = _("Mystery shopping")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds
        from .you_said import register_source

        notification_kinds.register(kinds.SHOPPING_VISIT)
        notification_kinds.register(kinds.SHOPPING_RESULTS)
        register_source()
