"""The notification kinds this feature sends. Registered in GroupsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

GROUP_JOINED = Kind(
    slug="group_joined",
    label=_("Someone joins a group you organise"),
    description=_("When a person joins a group or organisation that you organise."),
    default=Frequency.DAILY,
)

GROUP_KIND_CHECKED = Kind(
    slug="group_kind_checked",
    label=_("A council officer checks your group"),
    description=_(
        "When an officer decides whether a group you asked about is listed as a council "
        "service, NHS or school."
    ),
    default=Frequency.IMMEDIATELY,
)

GROUP_ORGANISER_INVITED = Kind(
    slug="group_organiser_invited",
    label=_("Someone asks you to help organise a group"),
    description=_("When an organiser of a group asks you to become one of its organisers."),
    default=Frequency.IMMEDIATELY,
)
