"""The notification kinds this app sends. Registered in OfflineConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

OFFLINE_TAKEN_OVER = Kind(
    slug="offline_taken_over",
    label=_("People you helped who went online"),
    description=_("When someone you registered or help takes over their own account."),
    default=Frequency.IMMEDIATELY,
)

ALL = (OFFLINE_TAKEN_OVER,)
