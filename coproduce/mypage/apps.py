from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MypageConfig(AppConfig):
    name = "coproduce.mypage"
    label = "mypage"
    verbose_name = _("Your page")
