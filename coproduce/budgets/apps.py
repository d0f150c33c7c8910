from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "coproduce.budgets"
    label = "budgets"
    verbose_name = _("Sharing out support")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds
        from .project_panel import proposal_panel

        for kind in kinds.ALL:
            notification_kinds.register(kind)
        panels.register("project", proposal_panel)
