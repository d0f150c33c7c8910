from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShoppingConfig(AppConfig):
    name = "coproduce.shopping"
    label = "shopping"
    verbose_name = _("Mystery shopping")
