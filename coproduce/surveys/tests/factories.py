from datetime import timedelta

import factory
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Answer, Option, Question, Response, Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    """A published survey that is open now, run by an organiser."""

    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"What would make our parks better? {n}")
    why = "We have money to improve two parks this year."
    what_happens_next = "The parks team will use your answers to choose what to do first."
    owner = factory.SubFactory(UserFactory, roles=[Role.ORGANISER])
    status = Survey.Status.PUBLISHED
    is_anonymous = True
    results_public = True
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.ONE
    text = "Which would you like most?"
    easy_read_text = "What do you want most?"
    picture = "park"
    required = True


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Option {n}")
    easy_read_text = factory.Sequence(lambda n: f"Choice {n}")
    picture = "tree"


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    survey = factory.SubFactory(SurveyFactory)
    respondent = factory.SubFactory(UserFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)


def question_with_options(survey, kind=Question.Kind.ONE, options=3, **kwargs) -> Question:
    """A question of `kind` on `survey` with `options` options (none for scale or text)."""
    question = QuestionFactory(survey=survey, kind=kind, **kwargs)
    if question.has_options:
        for n in range(1, options + 1):
            OptionFactory(question=question, position=n, text=f"Option {n}")
    return question


def full_survey(**kwargs) -> Survey:
    """An open survey with one question of every kind."""
    survey = SurveyFactory(**kwargs)
    question_with_options(survey, Question.Kind.ONE, text="Which park do you use most?")
    question_with_options(survey, Question.Kind.SEVERAL, text="What would you like to see?")
    question_with_options(survey, Question.Kind.RANK, text="Put these in order")
    QuestionFactory(
        survey=survey,
        kind=Question.Kind.SCALE,
        text="How safe do you feel in the park?",
        scale_low_label="Not safe",
        scale_high_label="Very safe",
        picture="safe",
    )
    QuestionFactory(
        survey=survey,
        kind=Question.Kind.TEXT,
        text="Anything else?",
        required=False,
        picture="question",
    )
    return survey


def answer_form_data(survey, *, rank=None, text="More benches."):
    """Form data answering every question of `full_survey`."""
    data = {}
    for question in survey.questions.all():
        options = [option.pk for option in question.options.all()]
        name = f"q{question.pk}"
        if question.kind == Question.Kind.ONE:
            data[name] = str(options[0])
        elif question.kind == Question.Kind.SEVERAL:
            data[name] = [str(options[0]), str(options[1])]
        elif question.kind == Question.Kind.RANK:
            places = rank or list(range(1, len(options) + 1))
            for pk, place in zip(options, places, strict=True):
                data[f"{name}_o{pk}"] = str(place)
        elif question.kind == Question.Kind.SCALE:
            data[name] = "3"
        else:
            data[name] = text
    return data
