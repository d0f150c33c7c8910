from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditsConfig(AppConfig):
    name = "coproduce.credits"
    label = "credits"
    verbose_name = _("Time credits")

    def ready(self) -> None:
        from coproduce.common import panels

        from .panels import event_panel, project_panel, shopping_visit_panel

        panels.register("project", project_panel)
        panels.register("event", event_panel)
        panels.register("shopping_visit", shopping_visit_panel)
