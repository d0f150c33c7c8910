from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def _forget_tiles(sender, **kwargs) -> None:
    from .tiles import forget_tiles

    forget_tiles()


class MapsConfig(AppConfig):
    name = "coproduce.maps"
    label = "maps"

    def ready(self) -> None:
        # Signals here only keep the map's cached tiles fresh (tiles.py); no business logic.
        # They catch every writer of what the map shows (services, the admin, imports),
        # which a call in each service would not. weak=False: a plain function, kept alive.
        from coproduce.directory.models import Service, ServiceAtLocation
        from coproduce.groups.models import Organisation
        from coproduce.places.models import Place
        from coproduce.projects.models import Project

        for model in (Place, Project, Organisation, Service, ServiceAtLocation):
            for signal in (post_save, post_delete):
                signal.connect(
                    _forget_tiles, sender=model, weak=False, dispatch_uid=f"maps-{model.__name__}"
                )
