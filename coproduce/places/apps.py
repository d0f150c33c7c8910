from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "coproduce.places"
    label = "places"

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (registers notification kinds)
