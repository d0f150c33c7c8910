from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "coproduce.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from coproduce.common import panels

        from . import moderation, report_targets  # noqa: F401 (report_targets registers on import)
        from .panels import group_panel, place_panel, project_panel

        # New stories wait in the moderators' queue, which discussion owns.
        moderation.register()
        panels.register("project", project_panel)
        panels.register("group", group_panel)
        panels.register("place", place_panel)
