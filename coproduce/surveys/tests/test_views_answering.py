"""Answering a survey online, in easy read and on paper, and who may."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.surveys.models import Response, Survey

from .factories import (
    SurveyFactory,
    answer_form_data,
    full_survey,
    question_with_options,
)

pytestmark = pytest.mark.django_db


def _url(name, survey, *more):
    return reverse(f"surveys:{name}", args=[survey.pk, *more])


def _officer():
    officer = UserFactory(roles=[Role.OFFICER])
    officer.user_permissions.add(Permission.objects.get(codename="manage_any_survey"))
    return officer


# Answering


def test_draft_is_hidden_from_residents(client):
    """A draft is a 404 for anyone but those who run it."""
    survey = SurveyFactory(status=Survey.Status.DRAFT)
    client.force_login(UserFactory())
    assert client.get(_url("detail", survey)).status_code == 404
    assert client.get(_url("easy_read", survey)).status_code == 404
    assert client.get(_url("paper", survey)).status_code == 404


def test_visitor_sees_the_survey_and_is_asked_to_sign_in(client):
    """A visitor reads the survey, whether it is anonymous, and a link to sign in."""
    survey = full_survey()
    page = client.get(_url("detail", survey)).text
    assert "Sign in to answer" in page
    assert "This is anonymous." in page


def test_visitor_posting_answers_is_sent_to_sign_in(client):
    """Answers from a visitor save nothing and lead to the sign-in page."""
    survey = full_survey()
    response = client.post(_url("detail", survey), answer_form_data(survey))
    assert response.status_code == 302 and "sign" in response["Location"]
    assert not Response.objects.exists()


def test_resident_answers_every_kind_of_question(client):
    """A resident's answers to every kind of question are saved."""
    survey = full_survey()
    person = UserFactory()
    client.force_login(person)
    response = client.post(_url("detail", survey), answer_form_data(survey))
    assert response.status_code == 302
    saved = Response.objects.get(survey=survey, respondent=person)
    assert saved.way == "online" and saved.answers.count() == 8


def test_easy_read_answers_go_to_the_same_response(client):
    """Answering in easy read changes the same response as the standard version."""
    survey = full_survey()
    client.force_login(UserFactory())
    client.post(_url("detail", survey), answer_form_data(survey))
    client.post(_url("easy_read", survey), answer_form_data(survey, text="Swings."))
    response = Response.objects.get(survey=survey)
    assert response.way == "easy_read"
    assert response.answers.get(question__kind="text").text == "Swings."


def test_answers_are_shown_again_to_change(client):
    """Coming back, a person sees their earlier answer filled in."""
    survey = full_survey()
    client.force_login(UserFactory())
    client.post(_url("detail", survey), answer_form_data(survey, text="Benches by the pond."))
    page = client.get(_url("detail", survey)).text
    assert "Benches by the pond." in page and "Change my answers" in page


def test_a_rank_used_twice_is_a_clear_error(client):
    """Giving two options the same place is a 400 saying to use each number once."""
    survey = full_survey()
    client.force_login(UserFactory())
    response = client.post(_url("detail", survey), answer_form_data(survey, rank=[1, 1, 2]))
    assert response.status_code == 400
    assert "Use each number once. You used 1 more than once." in response.text
    assert response.text.count("govuk-error-summary__title") == 1
    assert not Response.objects.exists()


def test_a_made_up_option_is_an_error_not_a_crash(client):
    """An option number that is not on the form is a 400."""
    survey = full_survey()
    client.force_login(UserFactory())
    data = answer_form_data(survey)
    data[f"q{survey.questions.get(kind='one').pk}"] = "²"
    assert client.post(_url("detail", survey), data).status_code == 400


def test_a_missing_answer_names_the_question(client):
    """Leaving out a required question says which."""
    survey = full_survey()
    client.force_login(UserFactory())
    data = answer_form_data(survey)
    one = survey.questions.get(kind="one")
    del data[f"q{one.pk}"]
    response = client.post(_url("detail", survey), data)
    assert response.status_code == 400
    assert f"Answer the question: {one.text}" in response.text


def test_someone_from_another_ward_is_told_why_they_cannot_answer(client):
    """A ward survey tells someone from elsewhere it is for that ward, and shows no form."""
    survey = full_survey(ward=ProfileFactory().ward)
    client.force_login(ProfileFactory().user)
    page = client.get(_url("detail", survey)).text
    assert "This survey is for people who live in" in page
    assert "Send my answers" not in page


def test_easy_read_shows_pictures_with_alt_text(client):
    """The easy-read page shows each option's picture with words saying what it shows."""
    survey = full_survey()
    client.force_login(UserFactory())
    page = client.get(_url("easy_read", survey)).text
    assert 'src="/static/surveys/pictures/tree.svg" alt="A tree"' in page
    assert "Choice" in page  # the options' easy-read words


def test_a_poll_goes_to_its_results_after_answering(client):
    """After answering a poll, a person sees its results, even when they are not public."""
    survey = SurveyFactory(is_poll=True, results_public=False)
    question = question_with_options(survey)
    client.force_login(UserFactory())
    response = client.post(
        _url("detail", survey), {f"q{question.pk}": str(question.options.first().pk)}
    )
    assert response["Location"] == _url("results", survey)
    assert client.get(_url("results", survey)).status_code == 200


# Paper


def test_paper_copy_has_boxes_and_pictures(client):
    """The paper copy has a box to tick for each option and the pictures."""
    survey = full_survey()
    page = client.get(_url("paper", survey)).text
    assert page.count('class="surveys-box"') >= 3 + 3 + 3 + 5
    assert "surveys/pictures/safe.svg" in page


def test_owner_types_in_paper_answers(client):
    """The owner's paper entry saves an answer marked as paper, with no account."""
    survey = full_survey()
    client.force_login(survey.owner)
    response = client.post(_url("paper_enter", survey), answer_form_data(survey))
    assert response.status_code == 302
    saved = Response.objects.get(survey=survey)
    assert (saved.way, saved.respondent, saved.entered_by) == ("paper", None, survey.owner)


def test_two_paper_forms_make_two_responses(client):
    """Each paper form typed in is its own response."""
    survey = full_survey()
    client.force_login(survey.owner)
    client.post(_url("paper_enter", survey), answer_form_data(survey))
    client.post(_url("paper_enter", survey), answer_form_data(survey))
    assert Response.objects.filter(survey=survey, way="paper").count() == 2


def test_resident_cannot_type_in_paper_answers(client):
    """Paper entry is a 403 for a resident and sends a visitor to sign in."""
    survey = full_survey()
    assert client.get(_url("paper_enter", survey)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(_url("paper_enter", survey)).status_code == 403
    assert client.post(_url("paper_enter", survey), answer_form_data(survey)).status_code == 403


def test_officer_types_in_paper_answers(client):
    """An officer may type in paper answers for anyone's survey."""
    survey = full_survey()
    client.force_login(_officer())
    assert client.get(_url("paper_enter", survey)).status_code == 200
