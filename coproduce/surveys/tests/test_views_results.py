"""A survey's results page and file: who may see them, and what they say."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Answer, Question

from .factories import (
    AnswerFactory,
    ResponseFactory,
    full_survey,
)

pytestmark = pytest.mark.django_db


def _url(name, survey, *more):
    return reverse(f"surveys:{name}", args=[survey.pk, *more])


def _officer():
    officer = UserFactory(roles=[Role.OFFICER])
    officer.user_permissions.add(Permission.objects.get(codename="manage_any_survey"))
    return officer


# Results


def _answered(survey, people=3):
    for _ in range(people):
        response = ResponseFactory(survey=survey)
        for question in survey.questions.all():
            options = list(question.options.all())
            if question.kind == Question.Kind.RANK:
                for place, option in enumerate(options, start=1):
                    AnswerFactory(response=response, question=question, option=option, rank=place)
            elif question.has_options:
                AnswerFactory(response=response, question=question, option=options[0])
            elif question.kind == Question.Kind.SCALE:
                AnswerFactory(response=response, question=question, number=4)
            else:
                AnswerFactory(response=response, question=question, text="<b>Swings</b> =1+1")


def test_public_results_open_to_visitors(client):
    """Anyone sees results the owner made public, with a chart and a table."""
    survey = full_survey()
    _answered(survey)
    page = client.get(_url("results", survey)).text
    assert "<svg" in page and "govuk-table" in page
    assert "3 people answered." in page


def test_private_results_are_for_the_owner(client):
    """Results not made public are a 403 for a resident and open for the owner."""
    survey = full_survey(results_public=False)
    client.force_login(UserFactory())
    assert client.get(_url("results", survey)).status_code == 403
    assert client.get(_url("results_csv", survey)).status_code == 403
    client.force_login(survey.owner)
    assert client.get(_url("results", survey)).status_code == 200


def test_results_before_opening_are_for_the_owner(client):
    """A survey not yet open shows its results to nobody else."""
    survey = full_survey(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=9)
    )
    assert client.get(_url("results", survey)).status_code == 403


def test_free_text_is_escaped(client):
    """Written answers are shown as text, never as markup."""
    survey = full_survey()
    _answered(survey, people=1)
    page = client.get(_url("results", survey)).text
    assert "&lt;b&gt;Swings&lt;/b&gt;" in page and "<b>Swings</b>" not in page


def test_rank_results_explain_the_points(client):
    """Rank results give each option's points and say how they are counted."""
    survey = full_survey()
    _answered(survey, people=2)
    page = client.get(_url("results", survey)).text
    assert "first place gets 3 points" in page
    assert ">6<" in page  # two first places, 3 points each


def test_scale_results_give_the_average(client):
    """Scale results give the average and the spread in words."""
    survey = full_survey()
    _answered(survey, people=2)
    assert "The average is 4.0." in client.get(_url("results", survey)).text


def test_results_page_queries_do_not_grow_with_answers(client, django_assert_max_num_queries):
    """The results page takes the same queries for 2 responses or 20."""
    survey = full_survey()
    _answered(survey, people=20)
    with django_assert_max_num_queries(16):
        assert client.get(_url("results", survey)).status_code == 200


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_has_a_row_per_response_and_no_names_when_anonymous(client):
    """The file has a header and a row per response, and no name column when anonymous."""
    survey = full_survey()
    _answered(survey, people=2)
    client.force_login(survey.owner)
    rows = _csv(client.get(_url("results_csv", survey)))
    assert len(rows) == 3 and "name" not in rows[0]


def test_csv_names_for_the_owner_of_a_named_survey(client):
    """In a named survey, the owner's file has the names."""
    survey = full_survey(is_anonymous=False)
    _answered(survey, people=1)
    client.force_login(survey.owner)
    rows = _csv(client.get(_url("results_csv", survey)))
    assert rows[0][3] == "name" and rows[1][3]


def test_csv_of_a_named_survey_has_no_names_for_others(client):
    """A resident downloading public results of a named survey gets no names."""
    survey = full_survey(is_anonymous=False)
    _answered(survey, people=1)
    client.force_login(UserFactory())
    rows = _csv(client.get(_url("results_csv", survey)))
    assert "name" not in rows[0]


def test_csv_defuses_formulas(client):
    """A written answer starting like a formula is made harmless in the file."""
    survey = full_survey()
    response = ResponseFactory(survey=survey)
    AnswerFactory(response=response, question=survey.questions.get(kind="text"), text="=1+1")
    rows = _csv(client.get(_url("results_csv", survey)))
    assert "'=1+1" in rows[1]


def test_answers_stay_out_of_other_surveys_results(client):
    """Results count only the survey's own answers."""
    survey, other = full_survey(), full_survey()
    _answered(other, people=4)
    assert "0 people answered." in client.get(_url("results", survey)).text
    assert Answer.objects.filter(question__survey=survey).count() == 0
