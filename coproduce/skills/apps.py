from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "coproduce.skills"
    label = "skills"
    verbose_name = _("Skills")

    def ready(self) -> None:
        from .services import taxonomy_sync_after_migrate

        # The taxonomy ships with the code, so every database gets it as it migrates.
        post_migrate.connect(taxonomy_sync_after_migrate, dispatch_uid="coproduce-taxonomy-sync")
