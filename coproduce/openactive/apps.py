from django.apps import AppConfig


class OpenactiveConfig(AppConfig):
    name = "coproduce.openactive"
    verbose_name = "OpenActive feeds"

    def ready(self) -> None:
        from . import signals

        signals.connect()
