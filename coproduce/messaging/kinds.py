"""The notification kind for messages, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

MESSAGES = register(
    Kind(
        slug="messages",
        label=_("Messages to you"),
        description=_("When someone sends you a message about a project, event or item."),
        # A message usually waits for an answer, so it goes straight away unless you choose.
        default=Frequency.IMMEDIATELY,
    )
)
