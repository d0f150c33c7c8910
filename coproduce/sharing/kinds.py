"""The notification kinds this feature sends. Registered in SharingConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

ITEM_RESERVED = Kind(
    slug="sharing_item_reserved",
    label=_("Someone reserves a thing you offered"),
    description=_("When a person reserves something you offered, or gives it back up."),
    default=Frequency.IMMEDIATELY,
)
RESERVATION_CHANGED = Kind(
    slug="sharing_reservation_changed",
    label=_("News about a thing you reserved"),
    description=_("When the owner marks it collected, lent or returned, or releases it."),
    default=Frequency.IMMEDIATELY,
)
ITEM_REPLY = Kind(
    slug="sharing_item_reply",
    label=_("Someone can help with a thing you want"),
    description=_("When a person offers something you asked for, or answers your offer."),
    default=Frequency.IMMEDIATELY,
)
FUNDING_DEADLINE = Kind(
    slug="sharing_funding_deadline",
    label=_("A funding deadline is coming up"),
    description=_("Reminders 14 days and 2 days before the deadline of funding you follow."),
    default=Frequency.IMMEDIATELY,
)

ALL = (ITEM_RESERVED, RESERVATION_CHANGED, ITEM_REPLY, FUNDING_DEADLINE)
