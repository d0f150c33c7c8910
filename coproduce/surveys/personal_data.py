"""What surveys hold about a person (see coproduce/personal_data/registry.py).

A person's responses (with every answer in them) are in their download. When they close
their account their responses stay, counted in the results, but no longer linked to them:
the answers cannot be traced back to anyone. Surveys they ran, and paper answers they typed
in, stay too, without their name.
"""

from coproduce.personal_data.registry import Erasure, declare, row_export

from .models import Answer, Response


def _export_responses(user):
    responses = list(
        Response.objects.filter(respondent=user).select_related("survey").order_by("pk")
    )
    answers: dict[int, list[dict]] = {}
    for answer in Answer.objects.filter(response__in=responses).select_related(
        "question", "option"
    ):
        answers.setdefault(answer.response_id, []).append(
            {
                "question": answer.question.text,
                "option": answer.option.text if answer.option else None,
                "place": answer.rank,
                "number": answer.number,
                "words": answer.text,
            }
        )
    for response in responses:
        yield row_export(response) | {
            "survey": response.survey.title,
            "answers": answers.get(response.pk, []),
        }


declare("surveys.Survey", field="owner", kind="surveys_run", erase=Erasure.ANONYMISE)
declare(
    "surveys.Response",
    field="respondent",
    kind="survey_answers",
    erase=Erasure.ANONYMISE,
    export_with=_export_responses,
)
declare(
    "surveys.Response",
    field="entered_by",
    kind="paper_survey_answers_typed_in",
    erase=Erasure.ANONYMISE,
)
