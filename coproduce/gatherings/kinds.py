"""The notification kinds gatherings send. Registered in GatheringsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

EVENT_PLACE = Kind(
    slug="event_place",
    label=_("Your place at events"),
    description=_(
        "When you get a place at an event, move up from the waiting list, or an event "
        "you are going to changes or is cancelled."
    ),
    default=Frequency.IMMEDIATELY,
)
EVENT_REMINDER = Kind(
    slug="event_reminder",
    label=_("Reminders of events"),
    description=_("The day before an event you are going to."),
    default=Frequency.IMMEDIATELY,
)
EVENT_FOR_ORGANISER = Kind(
    slug="event_for_organiser",
    label=_("Events you organise"),
    description=_("When people sign up, ask for access support, or suggest agenda items."),
    default=Frequency.DAILY,
)
ACTION_REMINDER = Kind(
    slug="action_reminder",
    label=_("Actions you agreed to"),
    description=_(
        "Reminders of actions you took on at an action learning set, before they are due "
        "and before the set meets again."
    ),
    default=Frequency.IMMEDIATELY,
)

EVENT_ORGANISER_INVITATION = Kind(
    slug="event_organiser_invitation",
    label=_("Invitations to help run events"),
    description=_("When an organiser asks you to help run an event, and answers to yours."),
    default=Frequency.IMMEDIATELY,
)

ALL = (
    EVENT_PLACE,
    EVENT_REMINDER,
    EVENT_FOR_ORGANISER,
    ACTION_REMINDER,
    EVENT_ORGANISER_INVITATION,
)
