"""A person's survey answers in their download, and unlinked from them when they leave."""

import pytest

from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.surveys.models import Response

from .factories import AnswerFactory, ResponseFactory, full_survey

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    """Every survey model field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("surveys.")] == []


def test_download_has_the_answers():
    """A person's download lists their responses with the words they wrote."""
    survey = full_survey()
    response = ResponseFactory(survey=survey)
    AnswerFactory(response=response, question=survey.questions.get(kind="text"), text="Swings")
    rows = personal_data_gather(response.respondent)["survey_answers"]
    assert rows[0]["survey"] == survey.title
    assert rows[0]["answers"][0]["words"] == "Swings"


def test_closing_an_account_keeps_answers_unlinked():
    """Closing an account keeps the response, counted, but with no link to the person."""
    response = ResponseFactory(survey=full_survey())
    AnswerFactory(response=response, question=response.survey.questions.get(kind="scale"), number=3)
    personal_data.account_close(user=response.respondent, remove_comments=False)
    kept = Response.objects.get(pk=response.pk)
    assert kept.respondent is None and kept.answers.count() == 1


def test_closing_the_owners_account_keeps_the_survey():
    """A survey stays when the person who ran it leaves, with nobody named."""
    survey = full_survey()
    personal_data.account_close(user=survey.owner, remove_comments=False)
    survey.refresh_from_db()
    assert survey.owner is None
