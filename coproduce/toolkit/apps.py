from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "coproduce.toolkit"
    label = "toolkit"
    verbose_name = _("Toolkit and learning")

    def ready(self) -> None:
        from coproduce.common import panels

        from .panels import guide_panel

        panels.register("event", guide_panel)
        panels.register("series", guide_panel)
