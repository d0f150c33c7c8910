from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The pages that bring the domains together: home, wards, navigation, statements, errors.

    It sits above every domain app and reads from them; none of them imports it.
    """

    name = "coproduce.site"
    label = "site"
    verbose_name = _("Site")
