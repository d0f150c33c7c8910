from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "coproduce.subscriptions"
    label = "subscriptions"
    verbose_name = _("Buckets of information")

    def ready(self) -> None:
        from coproduce.common import panels as page_panels

        from . import sources
        from .panels import PANELS

        sources.connect()
        for page, panel in PANELS.items():
            page_panels.register(page, panel)
