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


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/projects/",
        "/api/v1/events/1/",
        "/open-referral/services",
        "/openactive/feeds/session-series",
        "/services/open-referral.json",
    ],
)
def test_programs_get_a_json_503_when_every_query_fails(client, path):
    """Machine addresses answer the same 503 and Retry-After as JSON, not the HTML page."""
    client.raise_request_exception = False
    with connection.execute_wrapper(_away):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The service is unavailable for a moment. Try again soon.",
        "retry_after": 30,
    }


def test_a_signed_in_program_posting_to_the_time_bank_gets_a_json_503(client):
    """The time bank's transfer endpoint fails on the session itself, and still answers JSON."""
    client.force_login(UserFactory())
    client.raise_request_exception = False
    with connection.execute_wrapper(_away):
        response = client.post("/time-bank/api/transfers/", {}, content_type="application/json")
    assert response.status_code == 503
    assert response.json()["retry_after"] == 30


def test_the_machine_prefixes_are_real_addresses():
    """Each prefix still leads somewhere, so a renamed address cannot quietly drop out."""
    from django.urls import Resolver404, resolve

    from coproduce.site.views.errors import MACHINE_PREFIXES

    examples = {
        "/api/": "/api/v1/",
        "/time-bank/api/": "/time-bank/api/transfers/",
        "/open-referral/": "/open-referral/",
        "/openactive/": "/openactive/",
        "/services/open-referral": "/services/open-referral.json",
    }
    assert set(examples) == set(MACHINE_PREFIXES)
    for prefix, address in examples.items():
        assert address.startswith(prefix)
        try:
            resolve(address)
        except Resolver404:  # pragma: no cover - the failure is the point
            pytest.fail(f"{address} no longer resolves")
