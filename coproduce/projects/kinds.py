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

OWNER_INVITATIONS = register(
    Kind(
        slug="project_owner_invitations",
        label=_("Invitations to own a project"),
        description=_("When someone asks you to become an owner of their project."),
        default=Frequency.IMMEDIATELY,
    )
)

OFFER_ANSWERS = register(
    Kind(
        slug="project_offer_answers",
        label=_("Answers to your offers of help"),
        description=_("When a project's owners accept or decline your offer or volunteering."),
        # It needs you to act (get in touch, turn up), so it goes straight away by default.
        default=Frequency.IMMEDIATELY,
    )
)
