"""The notification kind for service choice panels, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

PANELS = register(
    Kind(
        slug="service_choice_panels",
        label=_("Service choice panels"),
        description=_("When you are invited to a panel, or your application is accepted."),
        default=Frequency.IMMEDIATELY,
    )
)
