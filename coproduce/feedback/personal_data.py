"""What feedback holds about a person (see coproduce/personal_data/registry.py).

Feedback someone gave while signed in is in their download. When they close their account
it stays, counted in the service's summary, but anonymous: the link to them, their choice to
give their name and any way to contact them go. Answers an owner wrote stay, without them.
"""

from coproduce.personal_data.registry import Erasure, declare

declare(
    "feedback.Feedback",
    field="person",
    kind="feedback_on_services",
    erase=Erasure.ANONYMISE,
    clear={"person": None, "show_name": False, "contact_by": "", "contact_email": ""},
    private=("answered_by",),
)
declare(
    "feedback.Feedback",
    field="answered_by",
    kind="feedback_answered",
    erase=Erasure.ANONYMISE,
    clear={"answered_by": None},
)
