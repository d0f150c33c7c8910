from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "coproduce.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import permission_cache
        from .roles import roles_sync_after_migrate

        permission_cache.connect()

        # Permissions exist only after every app has migrated, so roles are synced then.
        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="coproduce-roles-sync")
