"""The notification people get from feedback they gave."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

FEEDBACK_ANSWER = Kind(
    slug="feedback_answer",
    label=_("Answers to your feedback"),
    description=_("When a service answers feedback you gave and said it may contact you."),
    default=Frequency.IMMEDIATELY,
)
ALL = (FEEDBACK_ANSWER,)
