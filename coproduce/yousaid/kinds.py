"""The notification kinds this app sends. Registered in YousaidConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

OWNER_INVITATION = Kind(
    slug="yousaid_owner_invitation",
    label=_("Owning council responses"),
    description=_("When someone asks you to own a council response, and answers to yours."),
    default=Frequency.IMMEDIATELY,
)
REMINDER = Kind(
    slug="yousaid_reminder",
    label=_("Council responses you own"),
    description=_("Reminders of responses due within a week, and of overdue ones."),
    default=Frequency.IMMEDIATELY,
)

ALL = (OWNER_INVITATION, REMINDER)
