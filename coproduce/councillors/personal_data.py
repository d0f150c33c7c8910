"""What the councillors app holds about a person (see coproduce/personal_data/registry.py).

Questions and answers are a public record of what a councillor was asked: on closing an
account a question stays, with no one named as its asker. A seat is kept too, with the person
and their public name taken off, so past answers still show which ward they belonged to.
"""

from coproduce.personal_data.registry import Erasure, declare

declare(
    "councillors.Question",
    field="asker",
    kind="councillor_questions_asked",
    erase=Erasure.ANONYMISE,
    clear={"asker": None, "show_name": False},
)
declare(
    "councillors.Question",
    field="answered_by",
    kind="councillor_answers_given",
    erase=Erasure.ANONYMISE,
    clear={"answered_by": None},
)
declare(
    "councillors.Seat",
    field="person",
    kind="councillor_seats",
    erase=Erasure.ANONYMISE,
    clear={"person": None, "public_name": "Former councillor", "status": "stepped_down"},
)
declare(
    "councillors.Seat",
    field="offered_by",
    kind="councillor_seats_offered",
    erase=Erasure.ANONYMISE,
    clear={"offered_by": None},
)
