"""One response per person per survey, under many simultaneous submissions.

Each thread sends its answers through the real view with its own database connection. On
PostgreSQL (`script/with-postgres .venv/bin/pytest coproduce/surveys/tests/test_concurrency.py`)
the submissions truly overlap; the unique constraint and the row lock keep one response.
"""

import threading
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Answer, Response
from coproduce.surveys.services import responses

from .factories import answer_form_data as _post_data
from .factories import full_survey

SUBMISSIONS = 50


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_submissions_by_one_person_leave_one_response(settings):
    """50 simultaneous submissions by one person leave exactly one response, with one set of
    answers, and none of them fails."""
    settings.RATELIMIT_ENABLE = False
    survey = full_survey()
    person = UserFactory()
    signed_in = Client()
    signed_in.force_login(person)
    url = reverse("surveys:detail", args=[survey.pk])
    start = threading.Barrier(SUBMISSIONS)
    statuses: list[int | str] = []

    def submit(number: int) -> None:
        client = Client()
        client.cookies = signed_in.cookies
        try:
            start.wait()
            response = client.post(url, _post_data(survey, text=f"Answer {number}"))
            statuses.append(response.status_code)
        except Exception as error:  # a lock timeout or a broken constraint would show here
            statuses.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * SUBMISSIONS, statuses
    assert Response.objects.filter(survey=survey, respondent=person).count() == 1
    # One whole set of answers: not two submissions' answers mixed together.
    assert Answer.objects.filter(response__survey=survey).count() == 8
    assert Answer.objects.filter(response__survey=survey).exclude(text="").count() == 1


@pytest.mark.django_db
def test_fifty_submissions_in_a_row_leave_one_response(client):
    """50 submissions one after another by one person leave one response (the last)."""
    survey = full_survey()
    person = UserFactory()
    client.force_login(person)
    url = reverse("surveys:detail", args=[survey.pk])
    for number in range(SUBMISSIONS):
        client.post(url, _post_data(survey, text=f"Answer {number}"))
    response = Response.objects.get(survey=survey, respondent=person)
    assert response.answers.get(question__kind="text").text == f"Answer {SUBMISSIONS - 1}"


@pytest.mark.django_db
def test_a_response_made_by_a_racing_request_is_changed_not_doubled():
    """When another request made the response after this one looked, the insert is refused
    by the database and this request changes that response instead."""
    survey = full_survey()
    person = UserFactory()
    racing = Response.objects.create(survey=survey, respondent=person)
    looked_too_early = mock.patch.object(
        Response.objects, "select_for_update", wraps=_missing_first(racing)
    )
    with looked_too_early:
        found = responses._response_for(survey, person, Response.Way.ONLINE)
    assert found.pk == racing.pk
    assert Response.objects.filter(survey=survey).count() == 1


def _missing_first(racing):
    """select_for_update whose first look finds nothing, as if the racing row were not yet
    committed, and whose later look finds it."""

    class Found:
        def filter(self, **kwargs):
            return self

        def first(self):
            return None

        def get(self):
            return Response.objects.get(pk=racing.pk)

    return lambda: Found()
