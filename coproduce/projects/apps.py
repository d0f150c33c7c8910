from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = _("Projects and ideas")

    def ready(self) -> None:
        from coproduce.accounts.signals import email_confirmed
        from coproduce.common import panels
        from coproduce.skills.services import MERGE_HANDLERS

        from . import kinds  # noqa: F401  (registers notification kinds)
        from .evidence_panel import evidence_panel
        from .place_panel import projects_panel
        from .services.needs import need_skills_merge
        from .topics import register_topic

        if need_skills_merge not in MERGE_HANDLERS:
            MERGE_HANDLERS.append(need_skills_merge)
        register_topic()  # people helping can write to the owners (messaging)
        panels.register("place", projects_panel)
        panels.register("project", evidence_panel)
        email_confirmed.connect(_claim_invitations, dispatch_uid="projects.claim_invitations")


def _claim_invitations(sender, *, user, email, **kwargs) -> None:
    from .services.invitations import owner_invitations_claim

    owner_invitations_claim(user=user, email=email)
