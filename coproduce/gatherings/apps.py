from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class GatheringsConfig(AppConfig):
    name = "coproduce.gatherings"
    label = "gatherings"
    verbose_name = _("Gatherings")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds, report_targets, signals  # noqa: F401 (report_targets registers on import)
        from .models import AgendaInterest, Rsvp
        from .place_panel import events_panel
        from .project_panel import chosen_panel, treatments_panel
        from .topics import register_topic

        for kind in kinds.ALL:
            notification_kinds.register(kind)
        pre_delete.connect(signals.place_deleted, sender=Rsvp, dispatch_uid="gatherings_place")
        pre_delete.connect(
            signals.interest_deleted, sender=AgendaInterest, dispatch_uid="gatherings_interest"
        )
        panels.register("project", treatments_panel)
        panels.register("project", chosen_panel)
        panels.register("place", events_panel)
        register_topic()
