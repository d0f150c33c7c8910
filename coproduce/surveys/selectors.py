"""Reading surveys: the lists, one survey with its questions, a person's answers, the results
(counted by the database, a handful of queries whatever the number of responses) and the
rows of the results file."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.common.ranking import borda_total
from coproduce.people.models import Profile

from . import tally
from .models import Answer, Option, Question, Response, Survey

TEXT_ANSWERS_SHOWN = 100


def surveys_listed(user) -> QuerySet[Survey]:
    """Published surveys, newest first, and drafts run by this person."""
    shown = Q(status=Survey.Status.PUBLISHED)
    if user is not None and user.is_authenticated:
        shown |= Q(owner=user)
    return (
        Survey.objects.filter(shown)
        .select_related("ward")
        .annotate(answered=Count("responses", distinct=True))
        .order_by("-closes_at", "-pk")
    )


def survey_detail(pk: int) -> Survey | None:
    return (
        Survey.objects.select_related("ward", "owner__profile")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.prefetch_related(
                    Prefetch("options", queryset=Option.objects.order_by("position", "pk"))
                ).order_by("position", "pk"),
            )
        )
        .filter(pk=pk)
        .first()
    )


def question_detail(survey: Survey, pk: int) -> Question | None:
    return (
        Question.objects.filter(survey=survey, pk=pk)
        .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("position", "pk")))
        .first()
    )


def response_of(survey: Survey, user) -> Response | None:
    if user is None or not user.is_authenticated:
        return None
    return (
        Response.objects.filter(survey=survey, respondent=user).prefetch_related("answers").first()
    )


def answers_as_values(response: Response | None, survey: Survey) -> dict[int, Any]:
    """A response's answers in the shape `services.response_submit` takes, for a form."""
    if response is None:
        return {}
    kinds = {question.pk: question.kind for question in survey.questions.all()}
    values: dict[int, Any] = {}
    for answer in response.answers.all():
        kind = kinds.get(answer.question_id)
        if kind == Question.Kind.ONE:
            values[answer.question_id] = answer.option_id
        elif kind == Question.Kind.SEVERAL:
            values.setdefault(answer.question_id, []).append(answer.option_id)
        elif kind == Question.Kind.RANK:
            values.setdefault(answer.question_id, {})[answer.option_id] = answer.rank
        elif kind == Question.Kind.SCALE:
            values[answer.question_id] = answer.number
        elif kind == Question.Kind.TEXT:
            values[answer.question_id] = answer.text
    return values


@dataclass
class OptionResult:
    option: Option
    count: int = 0
    percent: int = 0
    points: int = 0  # Borda points, for a ranking
    places: dict[int, int] = field(default_factory=dict)  # place -> people, for a ranking


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    options: list[OptionResult] = field(default_factory=list)
    scale: list[tuple[int, int, int]] = field(default_factory=list)  # value, people, percent
    spread: tally.Spread | None = None
    texts: list[Answer] = field(default_factory=list)
    text_count: int = 0

    @property
    def chart_rows(self) -> list[tuple[str, float]]:
        if self.question.kind == Question.Kind.RANK:
            return [(row.option.text, row.points) for row in self.options]
        if self.question.has_options:
            return [(row.option.text, row.count) for row in self.options]
        if self.question.kind == Question.Kind.SCALE:
            return [(str(value), people) for value, people, _percent in self.scale]
        return []


@dataclass
class Results:
    survey: Survey
    responses: int
    by_way: dict[str, int]
    questions: list[QuestionResult]


def results(survey: Survey, *, with_names: bool) -> Results:
    """Every question's results. `survey` must come from `survey_detail` (questions and
    options loaded). Five queries, whatever the number of responses."""
    questions = list(survey.questions.all())
    by_way = dict(
        Response.objects.filter(survey=survey)
        .order_by()
        .values_list("way")
        .annotate(n=Count("pk"))
        .values_list("way", "n")
    )
    # Filtering on the question ids (no join) lets each count read an index alone.
    answers = Answer.objects.filter(question_id__in=[q.pk for q in questions]).order_by()
    chosen: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    counts: dict[int, int] = defaultdict(int)
    # Grouped in the order of the index (question, option, rank): no sorting needed.
    for _question_id, option_id, place, people in (
        answers.filter(option__isnull=False)
        .values("question_id", "option_id", "rank")
        .annotate(n=Count("*"))
        .values_list("question_id", "option_id", "rank", "n")
    ):
        counts[option_id] += people
        if place is not None:
            chosen[option_id][place] += people
    numbers: dict[int, dict[int, int]] = defaultdict(dict)
    scales = [q.pk for q in questions if q.kind == Question.Kind.SCALE]
    for question_id, number, people in (
        answers.filter(question_id__in=scales, number__isnull=False)
        .values("question_id", "number")
        .annotate(n=Count("*"))
        .values_list("question_id", "number", "n")
        if scales
        else []
    ):
        numbers[question_id][number] = people
    several = [q.pk for q in questions if q.kind == Question.Kind.SEVERAL]
    answered_several = dict(
        answers.filter(question_id__in=several)
        .values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question_id", "n")
        if several
        else []
    )
    texts = _texts(survey, with_names=with_names)
    found = []
    for question in questions:
        options = list(question.options.all())
        result = QuestionResult(question=question)
        result.answered = _answered(
            question, options, counts, chosen, numbers, answered_several, texts
        )
        for option in options:
            places = dict(chosen.get(option.pk, {}))
            result.options.append(
                OptionResult(
                    option=option,
                    count=counts.get(option.pk, 0),
                    percent=tally.share(counts.get(option.pk, 0), result.answered),
                    points=borda_total(places, len(options)),
                    places=places,
                )
            )
        if question.kind == Question.Kind.RANK:
            result.options.sort(key=lambda row: (-row.points, row.option.position))
        if question.kind == Question.Kind.SCALE:
            spread = numbers.get(question.pk, {})
            result.spread = tally.scale_spread(spread)
            result.scale = [
                (value, spread.get(value, 0), tally.share(spread.get(value, 0), result.answered))
                for value in question.scale_values()
            ]
        if question.kind == Question.Kind.TEXT:
            result.texts, result.text_count = texts.get(question.pk, ([], 0))
        found.append(result)
    return Results(survey=survey, responses=sum(by_way.values()), by_way=by_way, questions=found)


def _answered(question, options, counts, chosen, numbers, answered_several, texts) -> int:
    """How many people answered a question, from the counts already made: each person
    chooses one option (choose one), one number (scale), writes once (free text) or puts
    exactly one option first (rank); only "choose several" needs counting by person."""
    kind = question.kind
    if kind == Question.Kind.ONE:
        return sum(counts.get(option.pk, 0) for option in options)
    if kind == Question.Kind.RANK:
        return sum(chosen.get(option.pk, {}).get(1, 0) for option in options)
    if kind == Question.Kind.SCALE:
        return sum(numbers.get(question.pk, {}).values())
    if kind == Question.Kind.SEVERAL:
        return answered_several.get(question.pk, 0)
    return texts.get(question.pk, ([], 0))[1]


def _texts(survey: Survey, *, with_names: bool) -> dict[int, tuple[list[Answer], int]]:
    """The latest written answers to each free-text question, and how many there are."""
    text_questions = [q.pk for q in survey.questions.all() if q.kind == Question.Kind.TEXT]
    if not text_questions:
        return {}
    found: dict[int, tuple[list[Answer], int]] = {}
    for question_id in text_questions:
        rows = Answer.objects.filter(question_id=question_id).exclude(text="")
        shown = rows.order_by("-pk")
        if with_names:
            shown = shown.select_related("response__respondent__profile")
        found[question_id] = (list(shown[:TEXT_ANSWERS_SHOWN]), rows.count())
    return found


def csv_rows(survey: Survey, *, with_names: bool, name) -> Iterator[list[str]]:
    """The results file: a header, then one row per response with one column per question.

    `name(person)` gives the words for a respondent when names are shown. Responses and
    answers are read as plain values, in step (both by response), a chunk at a time."""
    questions = list(survey.questions.all())
    header = ["response", "answered on", "how"]
    if with_names:
        header.append("name")
    header.extend(question.text for question in questions)
    yield header
    options = {option.pk: option.text for q in questions for option in q.options.all()}
    ways = {value: str(label) for value, label in Response.Way.choices}
    responses = (
        Response.objects.filter(survey=survey)
        .order_by("pk")
        .values_list("pk", "updated_at", "way", "respondent_id")
    )
    answers = iter(
        Answer.objects.filter(question_id__in=[q.pk for q in questions])
        .order_by("response_id", "question_id", "rank", "pk")
        .values_list("response_id", "question_id", "option_id", "rank", "number", "text")
        .iterator(chunk_size=5000)
    )
    waiting = next(answers, None)
    for chunk in _chunks(responses.iterator(chunk_size=1000), 1000):
        people = _people([row[3] for row in chunk]) if with_names else {}
        for pk, updated_at, way, respondent_id in chunk:
            by_question: dict[int, list[tuple]] = defaultdict(list)
            while waiting is not None and waiting[0] <= pk:
                if waiting[0] == pk:
                    by_question[waiting[1]].append(waiting)
                waiting = next(answers, None)
            row = [
                str(pk),
                timezone.localtime(updated_at).strftime("%Y-%m-%d %H:%M"),
                ways.get(way, way),
            ]
            if with_names:
                person = people.get(respondent_id)
                row.append("" if person is None else name(person))
            row.extend(_cell(q, by_question.get(q.pk, []), options) for q in questions)
            yield row


def _chunks(rows, size: int):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _people(ids: list[int | None]) -> dict:
    wanted = [pk for pk in ids if pk is not None]
    return User.objects.select_related("profile").in_bulk(wanted)


def _cell(question: Question, answers: list[tuple], options: dict[int, str]) -> str:
    """One question's answers in a response, as words. Each answer is
    (response, question, option, rank, number, text)."""
    if question.kind == Question.Kind.RANK:
        return "; ".join(f"{a[3]}. {options.get(a[2], '')}" for a in answers)
    if question.has_options:
        return "; ".join(options.get(a[2], "") for a in answers)
    if question.kind == Question.Kind.SCALE:
        return "; ".join(str(a[4]) for a in answers)
    return "; ".join(a[5] for a in answers)


def ward_problem(survey: Survey, user) -> str:
    """Why this person cannot answer a survey for one ward, or "" when they can."""
    if survey.ward_id is None:
        return ""
    ward_id = Profile.objects.filter(user=user).values_list("ward_id", flat=True).first()
    if ward_id == survey.ward_id:
        return ""
    return _(
        "This survey is for people who live in %(ward)s. If you live there, add your ward "
        "to your profile first."
    ) % {"ward": survey.ward.name}


def paper_count(survey: Survey) -> int:
    return Response.objects.filter(survey=survey, way=Response.Way.PAPER).count()
