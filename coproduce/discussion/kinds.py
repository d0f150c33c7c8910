"""Notification kinds about discussion and moderation, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

PROJECT_COMMENTS = register(
    Kind(
        slug="project_comments",
        label=_("Comments on projects"),
        description=_("New comments on projects you own or follow, and replies to your comments."),
        default=Frequency.DAILY,
    )
)
MODERATION = register(
    Kind(
        slug="moderation",
        label=_("Moderation of what you wrote"),
        description=_("When a moderator hides or restores something you wrote, and why."),
        default=Frequency.IMMEDIATELY,
    )
)
