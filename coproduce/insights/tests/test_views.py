import csv
import io
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.tests.factories import MembershipFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory

from .factories import WardPopulationFactory, officer

pytestmark = pytest.mark.django_db

PAGES = [
    ("insights:overview", False),
    ("insights:ward", True),
    ("insights:groups", False),
    ("insights:go_to_people", False),
    ("insights:people_by_ward_csv", False),
]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def _url(name: str, needs_ward: bool) -> str:
    return reverse(name, args=[WardFactory().pk]) if needs_ward else reverse(name)


@pytest.mark.parametrize(("name", "needs_ward"), PAGES)
def test_visitors_are_sent_to_sign_in(client, name, needs_ward):
    """No page is open to visitors."""
    assert client.get(_url(name, needs_ward)).status_code == 302


@pytest.mark.parametrize(("name", "needs_ward"), PAGES)
def test_residents_without_the_permission_are_refused(client, name, needs_ward):
    """Signed in without the permission: 403."""
    client.force_login(UserFactory())
    assert client.get(_url(name, needs_ward)).status_code == 403


@pytest.mark.parametrize(("name", "needs_ward"), PAGES)
def test_officers_see_every_page(client, name, needs_ward):
    """The officer role carries the permission."""
    client.force_login(officer())
    assert client.get(_url(name, needs_ward)).status_code == 200


def test_small_counts_show_as_fewer_than_5(client):
    """Three people in a ward: the page says "fewer than 5", never 3."""
    street = StreetFactory()
    for _n in range(3):
        ProfileFactory(street=street)
    client.force_login(officer())
    page = client.get(reverse("insights:ward", args=[street.ward.pk])).content.decode()
    assert "fewer than 5" in page
    assert ">3<" not in page


def test_the_csv_export_hides_small_counts(client):
    """The people-by-ward file writes "fewer than 5" for 1 to 4 people."""
    street = StreetFactory()
    WardPopulationFactory(ward=street.ward, population=8_000)
    for _n in range(2):
        ProfileFactory(street=street)
    client.force_login(officer())
    response = client.get(reverse("insights:people_by_ward_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    row = next(r for r in rows if r[0] == street.ward.name)
    assert row[1] == "8000" and row[3] == "fewer than 5"


def test_overview_has_a_chart_and_a_table_in_few_queries(client, django_assert_max_num_queries):
    """With populations known, a chart and its table; queries do not grow with wards."""
    for _n in range(4):
        street = StreetFactory()
        WardPopulationFactory(ward=street.ward)
        for _m in range(6):
            MembershipFactory(user=ProfileFactory(street=street).user)
    client.force_login(officer())
    with django_assert_max_num_queries(25):
        response = client.get(reverse("insights:overview"))
    page = response.content.decode()
    assert "<svg" in page and "govuk-table" in page


def test_go_to_people_are_named_only_by_name_for(client, settings):
    """The page names a busy person as name_for shows them, never by email."""
    settings.INSIGHTS_GO_TO = {"groups": 2, "projects": 99, "actions": 99}
    busy = MembershipFactory().user
    MembershipFactory(user=busy)
    client.force_login(officer())
    page = client.get(reverse("insights:go_to_people")).content.decode()
    assert busy.email not in page
    assert "<table" in page


def test_the_groups_page_lists_a_group_with_no_links(client):
    """A group nobody shares is listed as having no links."""
    membership = MembershipFactory()
    client.force_login(officer())
    page = client.get(reverse("insights:groups")).content.decode()
    assert membership.organisation.name in page


def test_the_counts_say_when_they_were_made(client, settings):
    """Counts may settle for a while (ADR 0038): both count pages say when they were made,
    and how long a change can take to show."""
    counted = re.compile(
        r'Counted at <time datetime="[0-9T:+.-]+">(\d{1,2}(:\d\d)?(am|pm)|midday|midnight)</time>\.'
    )
    settings.INSIGHTS_SETTLE_SECONDS = 120
    client.force_login(officer())
    for url in (reverse("insights:overview"), reverse("insights:ward", args=[WardFactory().pk])):
        page = client.get(url).content.decode()
        assert counted.search(page)
        assert "Changes can take up to 2 minutes to show in these counts." in page
    settings.INSIGHTS_SETTLE_SECONDS = 0
    page = client.get(reverse("insights:overview")).content.decode()
    assert counted.search(page)
    assert "Changes can take" not in page
