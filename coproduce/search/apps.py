from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "coproduce.search"
    label = "search"
    verbose_name = _("Search everything")

    def ready(self) -> None:
        from . import signals

        signals.connect()
