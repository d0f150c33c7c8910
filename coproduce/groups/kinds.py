"""The notification kinds this feature sends. Registered in GroupsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

GROUP_JOINED = Kind(
    slug="group_joined",
    label=_("Someone joins a group you organise"),
    description=_("When a person joins a group or organisation that you organise."),
    default=Frequency.DAILY,
)
