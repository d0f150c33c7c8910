from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "coproduce.discussion"
    label = "discussion"
    verbose_name = _("Discussion and moderation")

    def ready(self) -> None:
        from . import kinds, report_targets  # noqa: F401  (register notification kinds, report targets)
