"""Answers: given online or in easy read (one response per person per survey), or typed in
from a paper form.

Answers come as a mapping from question id to a value of the question's kind:
choose one, an option id or None; choose several, a list of option ids; rank, a mapping from
option id to place (or None); scale, a number or None; free text, a string.
"""

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .. import permissions, selectors, tally
from ..models import Answer, Question, Response, Survey

Answers = Mapping[int, Any]


def _field(question: Question) -> str:
    return f"q{question.pk}"


def _answer_rows(survey: Survey, answers: Answers) -> list[Answer]:
    """The rows for a set of answers, checked against the survey's questions (unsaved, with
    no response yet). Refuses an answer that is missing, out of range or not an option."""
    rows: list[Answer] = []
    for question in survey.questions.prefetch_related("options"):
        value = answers.get(question.pk)
        option_ids = {option.pk for option in question.options.all()}
        field = _field(question)
        empty = value in (None, "", [], {}) or (
            isinstance(value, Mapping) and all(v is None for v in value.values())
        )
        if empty:
            if question.required:
                raise Refusal(_("Answer the question: %(q)s") % {"q": question.text}, field=field)
            continue
        kind = question.kind
        if kind == Question.Kind.ONE:
            if value not in option_ids:
                raise Refusal(_("Choose one of the options."), field=field)
            rows.append(Answer(question=question, option_id=value))
        elif kind == Question.Kind.SEVERAL:
            chosen = list(dict.fromkeys(value))
            if not set(chosen) <= option_ids:
                raise Refusal(_("Choose from the options given."), field=field)
            rows.extend(Answer(question=question, option_id=pk) for pk in chosen)
        elif kind == Question.Kind.RANK:
            rows.extend(_rank_rows(question, value, option_ids, field))
        elif kind == Question.Kind.SCALE:
            if value not in question.scale_values():
                raise Refusal(
                    _("Choose a number from %(low)s to %(high)s.")
                    % {"low": question.scale_min, "high": question.scale_max},
                    field=field,
                )
            rows.append(Answer(question=question, number=value))
        else:
            words = str(value).strip()
            if len(words) > 2000:
                raise Refusal(_("Write 2,000 characters or fewer."), field=field)
            if words:
                rows.append(Answer(question=question, text=words))
    return rows


def _rank_rows(question, value: Mapping, option_ids: set[int], field: str) -> list[Answer]:
    if not set(value) <= option_ids:
        raise Refusal(_("Put only the options given in order."), field=field)
    twice, missing = tally.ranking_problems(
        {str(pk): value.get(pk) for pk in option_ids}, len(option_ids)
    )
    if twice:
        raise Refusal(
            _("Use each number once. You used %(n)s more than once.")
            % {"n": ", ".join(str(n) for n in twice)},
            field=field,
        )
    if missing:
        raise Refusal(
            _("Give every option a different number from 1 to %(n)s.") % {"n": len(option_ids)},
            field=field,
        )
    return [
        Answer(question=question, option_id=pk, rank=place)
        for pk, place in sorted(value.items(), key=lambda item: item[1])
    ]


def _answers_replace(response: Response, rows: list[Answer]) -> None:
    response.answers.all().delete()
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)


@transaction.atomic
def response_submit(
    *, survey: Survey, respondent, answers: Answers, way: str, entered_by=None
) -> Response:
    """Record a person's answers, or change them: one response per person per survey, held
    by a unique constraint, so simultaneous submissions leave one response (the last wins).

    `entered_by` is someone typing in this person's paper answers for them (the offline app
    checks they may act for them); only then is the way "paper".
    """
    if respondent is None or not respondent.is_authenticated:
        raise NotAllowed(_("Sign in to answer."))
    allowed = (Response.Way.PAPER,) if entered_by is not None else ()
    if way not in (Response.Way.ONLINE, Response.Way.EASY_READ, *allowed):
        raise ValueError(f"not a way to answer online: {way}")
    survey = Survey.objects.get(pk=survey.pk)
    if not survey.is_open():
        raise Refusal(_("This survey is not open for answers."))
    _check_ward(survey, respondent)
    rows = _answer_rows(survey, answers)
    response = _response_for(survey, respondent, way, entered_by)
    _answers_replace(response, rows)
    return response


def _check_ward(survey: Survey, respondent) -> None:
    problem = selectors.ward_problem(survey, respondent)
    if problem:
        raise Refusal(problem)


def _response_for(survey: Survey, respondent, way: str, entered_by=None) -> Response:
    """This person's response, locked; made if there is none. Two requests that both find
    none both insert: the database lets one in and the other then changes that one."""
    found = Response.objects.select_for_update().filter(survey=survey, respondent=respondent)
    response = found.first()
    if response is None:
        try:
            with transaction.atomic():
                return Response.objects.create(
                    survey=survey, respondent=respondent, way=way, entered_by=entered_by
                )
        except IntegrityError:
            response = found.get()
    response.way = way
    response.entered_by = entered_by
    response.save(update_fields=["way", "entered_by", "updated_at"])
    return response


@transaction.atomic
def response_enter_paper(*, survey: Survey, by, answers: Answers) -> Response:
    """Type in the answers from a paper form: marked as paper, with who typed it in, and no
    account attached. The survey's owner or an officer may do this until it closes (and a
    little after: paper forms come back late, so a closed survey still takes them)."""
    permissions.check_manage(by, survey)
    survey = Survey.objects.get(pk=survey.pk)
    if survey.status == Survey.Status.DRAFT:
        raise Refusal(_("Publish the survey before you type in paper answers."))
    rows = _answer_rows(survey, answers)
    response = Response.objects.create(survey=survey, way=Response.Way.PAPER, entered_by=by)
    _answers_replace(response, rows)
    return response
