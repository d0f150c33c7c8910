from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def _make_cache_tables(using: str = "default", **kwargs) -> None:
    """Make the database cache's table (where limits are counted) after every migrate."""
    call_command("createcachetable", database=using, verbosity=0)


class CommonConfig(AppConfig):
    name = "coproduce.common"
    label = "common"
    verbose_name = "Common"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
        from .translations import languages_trim

        languages_trim()

        post_migrate.connect(_make_cache_tables, sender=self)
