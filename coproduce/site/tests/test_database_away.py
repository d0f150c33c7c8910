"""When every query fails (PostgreSQL restarting, its connections gone), the answer is still
the 503 page: drawing it must not ask the database for the person or their messages.
Found by benchmarks/drills.py postgres-restart, where signed-in requests got a bare 500."""

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _away(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed in"])
def test_when_every_query_fails_the_answer_is_the_503_page(client, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    client.raise_request_exception = False
    with connection.execute_wrapper(_away):
        response = client.get(reverse("site:home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable for a moment" in response.content.decode()
    # Nobody is signed out by a passing fault.
    assert settings.SESSION_COOKIE_NAME not in response.cookies
