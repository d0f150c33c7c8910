from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncillorsConfig(AppConfig):
    name = "coproduce.councillors"
    label = "councillors"
    verbose_name = _("Councillors")

    def ready(self) -> None:
        from coproduce.common import panels

        from . import kinds, report_targets  # noqa: F401 (they register on import)
        from .panels import ward_panel

        panels.register("ward", ward_panel)
