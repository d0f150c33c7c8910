"""Services: making, publishing and closing surveys, questions, and answers."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.surveys import services
from coproduce.surveys.models import Answer, Question, Response, Survey

from .factories import (
    QuestionFactory,
    ResponseFactory,
    SurveyFactory,
    full_survey,
    question_with_options,
)

pytestmark = pytest.mark.django_db


def _fields(**overrides):
    now = timezone.now()
    return {
        "title": "Parks",
        "why": "Money for parks.",
        "what_happens_next": "We choose.",
        "ward": None,
        "is_anonymous": True,
        "is_poll": False,
        "results_public": True,
        "opens_at": now,
        "closes_at": now + timedelta(days=7),
    } | overrides


def _answers(survey) -> dict:
    """A full, valid set of answers to `full_survey`."""
    values = {}
    for question in survey.questions.all():
        options = [option.pk for option in question.options.all()]
        if question.kind == Question.Kind.ONE:
            values[question.pk] = options[0]
        elif question.kind == Question.Kind.SEVERAL:
            values[question.pk] = options[:2]
        elif question.kind == Question.Kind.RANK:
            values[question.pk] = {pk: place for place, pk in enumerate(options, start=1)}
        elif question.kind == Question.Kind.SCALE:
            values[question.pk] = 4
        else:
            values[question.pk] = "More benches, please."
    return values


def test_organiser_makes_a_draft_survey():
    """An organiser's new survey is a draft they run."""
    organiser = UserFactory(roles=[Role.ORGANISER])
    survey = services.survey_create(by=organiser, **_fields())
    assert survey.status == Survey.Status.DRAFT and survey.owner == organiser


def test_resident_cannot_make_a_survey():
    """A resident without a role may not make surveys."""
    with pytest.raises(NotAllowed):
        services.survey_create(by=UserFactory(), **_fields())


def test_survey_must_close_after_it_opens():
    """A closing time before the opening time is refused."""
    now = timezone.now()
    with pytest.raises(Refusal):
        services.survey_create(
            by=UserFactory(roles=[Role.OFFICER]), **_fields(opens_at=now, closes_at=now)
        )


def test_publishing_needs_a_question():
    """A survey with no questions cannot be published."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    with pytest.raises(Refusal):
        services.survey_publish(survey=survey, by=survey.owner)


def test_publishing_needs_two_options_on_a_choice_question():
    """A choose-one question with a single option blocks publishing."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question_with_options(survey, options=1)
    with pytest.raises(Refusal):
        services.survey_publish(survey=survey, by=survey.owner)


def test_publishing_a_ready_draft():
    """A draft with a good question is published."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question_with_options(survey)
    assert services.survey_publish(survey=survey, by=survey.owner).status == "published"


def test_someone_else_cannot_publish():
    """Only the owner or an officer may publish."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question_with_options(survey)
    with pytest.raises(NotAllowed):
        services.survey_publish(survey=survey, by=UserFactory(roles=[Role.ORGANISER]))


def test_officer_may_manage_any_survey():
    """An officer publishes a survey someone else runs."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question_with_options(survey)
    officer = UserFactory(roles=[Role.OFFICER])
    officer.user_permissions.add(_manage_permission())
    services.survey_publish(survey=survey, by=officer)


def _manage_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(codename="manage_any_survey")


def test_a_poll_has_one_question():
    """A second question on a poll is refused."""
    survey = SurveyFactory(status=Survey.Status.DRAFT, is_poll=True)
    question_with_options(survey)
    with pytest.raises(Refusal):
        services.question_add(
            survey=survey,
            by=survey.owner,
            kind="text",
            text="More?",
            hint="",
            easy_read_text="More?",
            picture="question",
            required=False,
        )


def test_questions_cannot_change_once_published():
    """Adding a question to a published survey is refused."""
    survey = SurveyFactory()
    with pytest.raises(Refusal):
        services.question_add(
            survey=survey,
            by=survey.owner,
            kind="text",
            text="More?",
            hint="",
            easy_read_text="More?",
            picture="question",
            required=False,
        )


def test_question_add_puts_options_in_order():
    """A new question goes last, with its options numbered in the order given."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    words = [services.OptionWords(t, t, "tree") for t in ("Trees", "Benches")]
    question = services.question_add(
        survey=survey,
        by=survey.owner,
        kind="rank",
        text="Order these",
        hint="",
        easy_read_text="Put in order",
        picture="park",
        required=True,
        options=words,
    )
    assert [o.text for o in question.options.order_by("position")] == ["Trees", "Benches"]


def test_answers_are_recorded():
    """A full set of answers makes one response with a row per thing chosen."""
    survey = full_survey()
    person = UserFactory()
    response = services.response_submit(
        survey=survey, respondent=person, answers=_answers(survey), way="online"
    )
    # one + two (several) + three (rank) + scale + text
    assert response.answers.count() == 1 + 2 + 3 + 1 + 1


def test_answering_again_changes_the_one_response():
    """A second submission replaces the answers in the same response."""
    survey = full_survey()
    person = UserFactory()
    values = _answers(survey)
    services.response_submit(survey=survey, respondent=person, answers=values, way="online")
    text_question = survey.questions.get(kind="text")
    values[text_question.pk] = "Changed my mind."
    services.response_submit(survey=survey, respondent=person, answers=values, way="easy_read")
    assert Response.objects.filter(survey=survey).count() == 1
    assert Answer.objects.get(question=text_question).text == "Changed my mind."
    assert Response.objects.get(survey=survey).way == "easy_read"


def test_database_holds_one_response_per_person():
    """The database itself refuses a second response by the same person."""
    response = ResponseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=response.survey, respondent=response.respondent)


def test_a_required_question_must_be_answered():
    """Leaving out a required question is refused, naming the field."""
    survey = full_survey()
    values = _answers(survey)
    one = survey.questions.get(kind="one")
    values[one.pk] = None
    with pytest.raises(Refusal) as refused:
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=values, way="online"
        )
    assert refused.value.field == f"q{one.pk}"


def test_an_option_of_another_question_is_refused():
    """An option id from another question is not an answer."""
    survey = full_survey()
    values = _answers(survey)
    one = survey.questions.get(kind="one")
    values[one.pk] = survey.questions.get(kind="several").options.first().pk
    with pytest.raises(Refusal):
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=values, way="online"
        )


def test_a_rank_used_twice_is_refused():
    """A ranking that uses a place twice is refused."""
    survey = full_survey()
    values = _answers(survey)
    rank = survey.questions.get(kind="rank")
    values[rank.pk] = dict.fromkeys(values[rank.pk], 1)
    with pytest.raises(Refusal):
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=values, way="online"
        )


def test_a_number_off_the_scale_is_refused():
    """A scale answer outside its numbers is refused."""
    survey = full_survey()
    values = _answers(survey)
    values[survey.questions.get(kind="scale").pk] = 9
    with pytest.raises(Refusal):
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=values, way="online"
        )


def test_a_closed_survey_takes_no_answers():
    """After it closes, answers are refused."""
    survey = full_survey(closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(Refusal):
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=_answers(survey), way="online"
        )


def test_a_ward_survey_is_for_people_in_that_ward():
    """Someone living elsewhere cannot answer a survey for one ward."""
    survey = full_survey(ward=WardFactory())
    person = ProfileFactory().user
    with pytest.raises(Refusal):
        services.response_submit(
            survey=survey, respondent=person, answers=_answers(survey), way="online"
        )


def test_a_ward_survey_takes_people_from_the_ward():
    """Someone whose profile is in the ward may answer."""
    profile = ProfileFactory()
    survey = full_survey(ward=profile.ward)
    services.response_submit(
        survey=survey, respondent=profile.user, answers=_answers(survey), way="online"
    )
    assert survey.responses.count() == 1


def test_paper_answers_have_no_account():
    """Paper answers are marked as paper, with who typed them in and no respondent."""
    survey = full_survey()
    response = services.response_enter_paper(
        survey=survey, by=survey.owner, answers=_answers(survey)
    )
    assert (response.way, response.respondent, response.entered_by) == (
        "paper",
        None,
        survey.owner,
    )


def test_paper_answers_typed_in_for_a_person_are_theirs():
    """A person's paper answers typed in by someone acting for them are theirs, as paper."""
    survey = full_survey()
    person, helper = UserFactory(email=None), UserFactory()
    response = services.response_submit(
        survey=survey, respondent=person, answers=_answers(survey), way="paper", entered_by=helper
    )
    assert (response.way, response.respondent, response.entered_by) == ("paper", person, helper)


def test_paper_for_an_account_needs_who_typed_it():
    """Without someone typing it in, an account cannot answer "on paper"."""
    survey = full_survey()
    with pytest.raises(ValueError):
        services.response_submit(
            survey=survey, respondent=UserFactory(), answers=_answers(survey), way="paper"
        )


def test_only_staff_type_in_paper_answers():
    """A resident may not type in paper answers."""
    survey = full_survey()
    with pytest.raises(NotAllowed):
        services.response_enter_paper(survey=survey, by=UserFactory(), answers=_answers(survey))


def test_closing_a_survey_stops_answers():
    """Closing now makes the survey closed."""
    survey = SurveyFactory()
    services.survey_close(survey=survey, by=survey.owner)
    survey.refresh_from_db()
    assert survey.state() == Survey.State.CLOSED


def test_anonymity_cannot_change_after_answers():
    """Once people have answered, a survey cannot switch from anonymous to named."""
    survey = SurveyFactory()
    ResponseFactory(survey=survey)
    with pytest.raises(Refusal):
        services.survey_update(survey=survey, by=survey.owner, is_anonymous=False)


def test_removing_a_question_of_a_draft():
    """A draft's question can be removed."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question = QuestionFactory(survey=survey)
    services.question_remove(question=question, by=survey.owner)
    assert not survey.questions.exists()
