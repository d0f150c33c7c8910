from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "coproduce.common"
    label = "common"
    verbose_name = "Common"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
