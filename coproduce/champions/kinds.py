"""The notification kinds street champions send. Registered in ChampionsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

CHAMPION_ROLE = Kind(
    slug="champion_role",
    label=_("Being a street champion"),
    description=_("When the council answers your application, or your role as champion ends."),
    default=Frequency.IMMEDIATELY,
)
CHAMPION_MESSAGE = Kind(
    slug="champion_message",
    label=_("Messages to you as a street champion"),
    description=_("When a resident sends you a message through the site."),
    default=Frequency.IMMEDIATELY,
)

ALL = (CHAMPION_ROLE, CHAMPION_MESSAGE)
