"""Each list costs the same number of queries however many rows its page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.budgets.tests.factories import RoundFactory
from coproduce.directory.tests.factories import full_service
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.subscriptions.tests.factories import ItemFactory

pytestmark = pytest.mark.django_db

MAKERS = {
    "projects": lambda: ProjectFactory(),
    "ideas": lambda: ProjectFactory(status="idea"),
    "events": lambda: EventFactory(),
    "places": lambda: PlaceFactory(),
    "groups": lambda: OrganisationFactory(),
    "services": lambda: full_service(),
    "funding-rounds": lambda: RoundFactory(),
    "decisions": lambda: ItemFactory(thing="decisions"),
}


def _queries(client, name: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_list_costs_the_same_for_two_rows_or_five(client, name):
    for _ in range(2):
        MAKERS[name]()
    two = _queries(client, name)
    for _ in range(3):
        MAKERS[name]()
    body = client.get(f"/api/v1/{name}/").json()
    assert body["count"] == 5
    assert _queries(client, name) == two
