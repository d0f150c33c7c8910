"""Notification kinds about places, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

UNLOVED_SPACE_FLAGGED = register(
    Kind(
        slug="unloved_space_flagged",
        label=_("Unloved spaces flagged by residents"),
        description=_("For council officers: a resident has flagged a neglected space."),
        default=Frequency.DAILY,
    )
)
