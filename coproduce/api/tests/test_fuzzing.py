"""Schemathesis generates requests for every operation from the API's own document and
checks that none is a server error and every answer matches the document. Every request
carries a working officer's token, so the writes are fuzzed past their door too."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets.tests.factories import RoundFactory
from coproduce.directory.tests.factories import full_service
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.staff.services import api_token_create
from coproduce.subscriptions.tests.factories import ItemFactory
from coproduce.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def borough(db):
    # Called through WSGI, each request would close the test's connection (and its
    # transaction) when it ends, as Django's test client prevents for its own requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    PlaceFactory.create_batch(2)
    ProjectFactory.create_batch(2)
    ProjectFactory(status="idea")
    EventFactory()
    OrganisationFactory()
    full_service()
    RoundFactory()
    ItemFactory(thing="decisions")
    _row, token = api_token_create(user=UserFactory(roles=[Role.OFFICER]), name="Fuzzing")
    yield {"Authorization": f"Bearer {token}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_answers_match_the_document(case, borough):
    case.call_and_validate(
        headers=borough,
        checks=[
            not_a_server_error,
            response_schema_conformance,
        ],
    )


def test_the_writes_are_among_the_fuzzed_operations():
    """The document names the token on each write, so schemathesis sends them all."""
    written = {
        (operation.method.upper(), operation.path)
        for result in schema.get_all_operations()
        for operation in [result.ok()]
        if operation.definition.raw.get("security")
    }
    assert ("POST", "/events/") in written or ("POST", "/api/v1/events/") in written
    assert len(written) == 6
