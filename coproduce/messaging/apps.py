from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "coproduce.messaging"
    label = "messaging"
    verbose_name = _("Messages between people")

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (registers the notification kind)
