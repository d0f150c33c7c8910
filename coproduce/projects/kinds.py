"""Notification kinds about projects, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

PROJECT_UPDATES = register(
    Kind(
        slug="project_updates",
        label=_("Projects you follow or own"),
        description=_("News from projects you follow, and changes to projects you own."),
        default=Frequency.DAILY,
    )
)
