from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

INVITATION = Kind(
    slug="invitation",
    label=_("Invitations to help"),
    description=_("When someone invites you to help with something, and replies to yours."),
    default=Frequency.IMMEDIATELY,
)
