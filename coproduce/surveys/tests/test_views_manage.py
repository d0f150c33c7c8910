"""Survey pages for making and running surveys: who may see and do what."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Survey

from .factories import (
    ResponseFactory,
    SurveyFactory,
    question_with_options,
)

pytestmark = pytest.mark.django_db


def _url(name, survey, *more):
    return reverse(f"surveys:{name}", args=[survey.pk, *more])


def _officer():
    officer = UserFactory(roles=[Role.OFFICER])
    officer.user_permissions.add(Permission.objects.get(codename="manage_any_survey"))
    return officer


# The list


def test_list_shows_open_surveys_to_visitors(client):
    """A visitor sees open surveys in the list."""
    survey = SurveyFactory()
    assert survey.title in client.get(reverse("surveys:list")).text


def test_list_hides_other_peoples_drafts(client):
    """Someone else's draft is not listed."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(UserFactory())
    assert survey.title not in client.get(reverse("surveys:list")).text


def test_list_shows_your_own_drafts(client):
    """The person who runs a draft sees it listed."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(survey.owner)
    assert survey.title in client.get(reverse("surveys:list")).text


def test_list_makes_the_same_number_of_queries_for_more_surveys(
    client, django_assert_max_num_queries
):
    """The list page's queries do not grow with the number of surveys."""
    for _ in range(12):
        ResponseFactory(survey=SurveyFactory())
    client.force_login(UserFactory())
    with django_assert_max_num_queries(8):
        assert client.get(reverse("surveys:list")).status_code == 200


# Making a survey


def test_resident_cannot_open_the_new_survey_form(client):
    """A resident gets a 403 from the new survey page."""
    client.force_login(UserFactory())
    assert client.get(reverse("surveys:create")).status_code == 403


def test_visitor_is_sent_to_sign_in_from_the_new_survey_form(client):
    """A visitor is sent to sign in."""
    assert client.get(reverse("surveys:create")).status_code == 302


def test_organiser_makes_a_survey(client):
    """An organiser's form makes a draft and goes on to add questions."""
    organiser = UserFactory(roles=[Role.ORGANISER])
    client.force_login(organiser)
    response = client.post(
        reverse("surveys:create"),
        {
            "title": "Our parks",
            "why": "Money for parks.",
            "what_happens_next": "We choose two things.",
            "ward": "",
            "is_anonymous": "yes",
            "results_public": "on",
            "opens_on": "1/1/2026",
            "closes_on": "31/12/2030",
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("question_create", survey)
    assert survey.owner == organiser and survey.is_anonymous


def test_new_survey_with_bad_dates_shows_one_error_summary(client):
    """Closing before opening is a 400 with one error summary naming the problem."""
    client.force_login(UserFactory(roles=[Role.ORGANISER]))
    response = client.post(
        reverse("surveys:create"),
        {
            "title": "Our parks",
            "why": "Money.",
            "what_happens_next": "Choose.",
            "is_anonymous": "yes",
            "opens_on": "2/1/2026",
            "closes_on": "1/1/2026",
        },
    )
    assert response.status_code == 400
    assert response.text.count("govuk-error-summary__title") == 1
    assert "The closing date must be on or after the opening date" in response.text


def test_adding_a_question_with_options(client):
    """The question form adds a choose-one question with its options and pictures."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(survey.owner)
    response = client.post(
        _url("question_create", survey),
        {
            "kind": "one",
            "text": "Which park?",
            "easy_read_text": "Which park?",
            "picture": "park",
            "required": "on",
            "scale_min": "1",
            "scale_max": "5",
            "option_1_text": "North Park",
            "option_1_easy": "North Park",
            "option_1_picture": "tree",
            "option_2_text": "South Park",
            "option_2_easy": "South Park",
            "option_2_picture": "bench",
        },
    )
    assert response.status_code == 302
    question = survey.questions.get()
    assert [o.picture for o in question.options.all()] == ["tree", "bench"]


def test_an_option_without_easy_read_words_is_refused(client):
    """Every option needs easy-read words: the form says which option lacks them."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(survey.owner)
    response = client.post(
        _url("question_create", survey),
        {
            "kind": "one",
            "text": "Which park?",
            "easy_read_text": "Which park?",
            "picture": "park",
            "scale_min": "1",
            "scale_max": "5",
            "option_1_text": "North Park",
            "option_1_picture": "tree",
            "option_2_text": "South Park",
            "option_2_easy": "South Park",
            "option_2_picture": "tree",
        },
    )
    assert response.status_code == 400
    assert "Enter the easy-read words for option 1" in response.text


def test_someone_else_cannot_add_questions(client):
    """An organiser who does not run the survey gets a 403."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(UserFactory(roles=[Role.ORGANISER]))
    assert client.get(_url("question_create", SurveyFactory())).status_code == 403
    assert client.get(_url("question_create", survey)).status_code == 404  # a draft


def test_officer_may_edit_any_survey(client):
    """An officer opens the edit page of someone else's survey."""
    client.force_login(_officer())
    assert client.get(_url("edit", SurveyFactory())).status_code == 200


def test_question_edit_page_for_the_owner_only(client):
    """The question page opens for the owner and not for a resident."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question = question_with_options(survey)
    client.force_login(survey.owner)
    assert client.get(_url("question_edit", survey, question.pk)).status_code == 200
    client.force_login(UserFactory())
    assert client.get(_url("question_edit", survey, question.pk)).status_code == 404


def test_publishing_from_the_page(client):
    """The publish button publishes a ready draft."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question_with_options(survey)
    client.force_login(survey.owner)
    client.post(_url("publish", survey))
    survey.refresh_from_db()
    assert survey.status == Survey.Status.PUBLISHED


def test_publishing_an_empty_draft_says_why(client):
    """Publishing with no questions shows why, and leaves it a draft."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(survey.owner)
    page = client.post(_url("publish", survey), follow=True)
    assert "Add at least one question before you publish." in page.text


def test_a_resident_cannot_close_a_survey(client):
    """Closing by someone who does not run it is a 403."""
    survey = SurveyFactory()
    client.force_login(UserFactory())
    assert client.post(_url("close", survey)).status_code == 403


def test_removing_a_question(client):
    """The remove button takes a draft's question away."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    question = question_with_options(survey)
    client.force_login(survey.owner)
    client.post(_url("question_remove", survey, question.pk))
    assert not survey.questions.exists()
