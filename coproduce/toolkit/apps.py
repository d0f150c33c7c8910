from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "coproduce.toolkit"
    label = "toolkit"
    verbose_name = _("Toolkit and learning")
