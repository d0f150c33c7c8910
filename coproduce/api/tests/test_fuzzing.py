"""Schemathesis generates requests for every operation from the API's own document and
checks that none is a server error and every answer matches the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from coproduce.budgets.tests.factories import RoundFactory
from coproduce.directory.tests.factories import full_service
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import ProjectFactory
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
    yield
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
        checks=[
            not_a_server_error,
            response_schema_conformance,
        ]
    )
