from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "coproduce.budgets"
    label = "budgets"
    verbose_name = _("Sharing out support")

    def ready(self) -> None:
        from coproduce.notifications import kinds as notification_kinds
        from coproduce.projects import panels

        from . import kinds
        from .project_panel import proposal_panel

        for kind in kinds.ALL:
            notification_kinds.register(kind)
        panels.register(proposal_panel)
