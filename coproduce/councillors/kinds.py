"""Notification kinds about councillors, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind, register

COUNCILLOR_SEATS = register(
    Kind(
        slug="councillor_seats",
        label=_("Being a councillor on this site"),
        description=_("When the council asks you to accept being shown as a ward councillor."),
        default=Frequency.IMMEDIATELY,
    )
)
COUNCILLOR_QUESTIONS = register(
    Kind(
        slug="councillor_questions",
        label=_("Questions to you as a councillor"),
        description=_("When a resident asks you a question as their ward councillor."),
        default=Frequency.IMMEDIATELY,
    )
)
COUNCILLOR_ANSWERS = register(
    Kind(
        slug="councillor_answers",
        label=_("Answers from councillors"),
        description=_("When a councillor answers a question you asked."),
        default=Frequency.IMMEDIATELY,
    )
)
