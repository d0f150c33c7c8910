"""A draft survey's questions and their options. Once published they stay as they are, so
every answer was given to the same words."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal

from .. import permissions
from ..models import Option, Question, Survey


@dataclass(frozen=True)
class OptionWords:
    text: str
    easy_read_text: str
    picture: str


def _check_draft(survey: Survey) -> None:
    if survey.status != Survey.Status.DRAFT:
        raise Refusal(_("Questions cannot change once a survey is published."))


def _check_question(kind: str, options: Sequence[OptionWords], scale: tuple[int, int]) -> None:
    if kind in (Question.Kind.ONE, Question.Kind.SEVERAL, Question.Kind.RANK):
        if len(options) < 2:
            raise Refusal(_("Give at least two options to choose from."), field="option_1_text")
    elif options:
        raise Refusal(_("Only questions with choices have options."), field="option_1_text")
    if kind == Question.Kind.SCALE:
        low, high = scale
        if not (0 <= low < high <= 10):
            raise Refusal(
                _("The scale must go from a lower number to a higher one, up to 10."),
                field="scale_max",
            )


@transaction.atomic
def question_add(
    *,
    survey: Survey,
    by,
    kind: str,
    text: str,
    hint: str,
    easy_read_text: str,
    picture: str,
    required: bool,
    options: Sequence[OptionWords] = (),
    scale_min: int = 1,
    scale_max: int = 5,
    scale_low_label: str = "",
    scale_high_label: str = "",
) -> Question:
    """Add a question (and its options) at the end of a draft survey."""
    permissions.check_manage(by, survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _check_draft(survey)
    if survey.is_poll and survey.questions.exists():
        raise Refusal(_("A poll has only one question."))
    _check_question(kind, options, (scale_min, scale_max))
    last = survey.questions.order_by("-position").values_list("position", flat=True).first()
    question = Question.objects.create(
        survey=survey,
        position=(last or 0) + 1,
        kind=kind,
        text=text,
        hint=hint,
        easy_read_text=easy_read_text,
        picture=picture,
        required=required,
        scale_min=scale_min,
        scale_max=scale_max,
        scale_low_label=scale_low_label,
        scale_high_label=scale_high_label,
    )
    _options_set(question, options)
    return question


def _options_set(question: Question, options: Sequence[OptionWords]) -> None:
    question.options.all().delete()
    Option.objects.bulk_create(
        Option(
            question=question,
            position=index,
            text=words.text,
            easy_read_text=words.easy_read_text,
            picture=words.picture,
        )
        for index, words in enumerate(options, start=1)
    )


@transaction.atomic
def question_update(
    *,
    question: Question,
    by,
    kind: str,
    text: str,
    hint: str,
    easy_read_text: str,
    picture: str,
    required: bool,
    options: Sequence[OptionWords] = (),
    scale_min: int = 1,
    scale_max: int = 5,
    scale_low_label: str = "",
    scale_high_label: str = "",
) -> Question:
    """Change a question of a draft survey; its options are replaced by `options`."""
    permissions.check_manage(by, question.survey)
    Survey.objects.select_for_update().get(pk=question.survey_id)
    _check_draft(question.survey)
    _check_question(kind, options, (scale_min, scale_max))
    for name, value in {
        "kind": kind,
        "text": text,
        "hint": hint,
        "easy_read_text": easy_read_text,
        "picture": picture,
        "required": required,
        "scale_min": scale_min,
        "scale_max": scale_max,
        "scale_low_label": scale_low_label,
        "scale_high_label": scale_high_label,
    }.items():
        setattr(question, name, value)
    question.save()
    _options_set(question, options)
    return question


@transaction.atomic
def question_remove(*, question: Question, by) -> None:
    permissions.check_manage(by, question.survey)
    Survey.objects.select_for_update().get(pk=question.survey_id)
    _check_draft(question.survey)
    question.delete()
