from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YousaidConfig(AppConfig):
    name = "coproduce.yousaid"
    label = "yousaid"
    verbose_name = _("You said, we did")
