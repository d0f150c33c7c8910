from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YousaidConfig(AppConfig):
    name = "coproduce.yousaid"
    label = "yousaid"
    verbose_name = _("You said, we did")

    def ready(self) -> None:
        from coproduce.common import panels as common_panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds, panels
        from .own_sources import register_own_sources

        register_own_sources()
        common_panels.register("ward", panels.ward_panel)
        common_panels.register("service", panels.service_panel)
        common_panels.register("survey", panels.survey_panel)
        common_panels.register("conversation", panels.conversation_panel)
        common_panels.register("feedback", panels.feedback_panel)
        for kind in kinds.ALL:
            notification_kinds.register(kind)
