from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "coproduce.skills"
    label = "skills"
    verbose_name = _("Skills")

    def ready(self) -> None:
        from coproduce.people.selectors import register_skill_names_reader

        from .selectors import confirmed_skill_names
        from .services import taxonomy_sync_after_migrate

        # A profile shows the skills its person confirmed; people cannot import skills.
        register_skill_names_reader(confirmed_skill_names)

        # The taxonomy ships with the code, so every database gets it as it migrates.
        post_migrate.connect(taxonomy_sync_after_migrate, dispatch_uid="coproduce-taxonomy-sync")
