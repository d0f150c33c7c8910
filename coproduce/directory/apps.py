from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The directory of services, in Open Referral UK's shape.

    The package is `directory` so that its writers can live in `services.py` as in every other
    app; the label stays "services", so its tables, migrations and URLs are unchanged.
    """

    name = "coproduce.directory"
    label = "services"
    verbose_name = _("Services")

    def ready(self) -> None:
        from coproduce.common import panels

        from .place_panel import services_panel

        panels.register("place", services_panel)
