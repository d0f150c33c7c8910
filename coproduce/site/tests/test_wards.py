import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory
from coproduce.site.views.wards import STREETS_PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory())
    return client


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
def test_ward_list_open_to_everyone(client, who):
    """Anyone, signed in or not, sees every ward with its counts."""
    if who == "signed_in":
        client.force_login(UserFactory())
    street = StreetFactory(ward__name="Millbrook")
    ProfileFactory(street=street)
    body = client.get(reverse("site:ward_list")).content.decode()
    assert "Millbrook" in body
    assert reverse("site:ward_detail", args=[street.ward.slug]) in body


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
def test_ward_detail_open_to_everyone(client, who):
    """Anyone sees a ward's name, counts and street names."""
    if who == "signed_in":
        client.force_login(UserFactory())
    street = StreetFactory(ward__name="Millbrook", name="Elm Grove")
    response = client.get(reverse("site:ward_detail", args=[street.ward.slug]))
    assert response.status_code == 200
    assert "Millbrook" in response.content.decode()
    assert "Elm Grove" in response.content.decode()


def test_ward_list_says_when_there_are_no_wards(client):
    """An empty borough says so rather than showing an empty table."""
    assert "No wards have been added yet." in client.get(reverse("site:ward_list")).content.decode()


def test_unknown_ward_is_404(client):
    """A slug that matches no ward is a page not found."""
    assert client.get(reverse("site:ward_detail", args=["nowhere"])).status_code == 404


def test_tables_have_captions_and_header_scopes(client):
    """The ward table has a caption and scoped headers, for screen readers."""
    WardFactory()
    body = client.get(reverse("site:ward_list")).content.decode()
    assert '<caption class="govuk-table__caption' in body
    assert 'scope="col"' in body and 'scope="row"' in body


def test_long_street_lists_are_paginated(client):
    """A ward with more streets than fit on a page shows them across pages."""
    ward = WardFactory()
    for number in range(STREETS_PER_PAGE + 1):
        StreetFactory(ward=ward, name=f"Road {number:03d}")
    url = reverse("site:ward_detail", args=[ward.slug])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert "govuk-pagination" in first
    assert f"Road {STREETS_PER_PAGE:03d}" not in first
    assert f"Road {STREETS_PER_PAGE:03d}" in second
    assert second.count('<td class="govuk-table__cell">') == 1


def test_ward_pages_show_no_resident(client):
    """Neither ward page shows a resident's name, email or words."""
    profile = ProfileFactory(
        user__display_name="Zebedee Q.", what_i_can_do="I juggle flaming torches."
    )
    pages = [
        client.get(reverse("site:ward_list")),
        client.get(reverse("site:ward_detail", args=[profile.ward.slug])),
    ]
    for page in pages:
        body = page.content.decode()
        for secret in ["Zebedee", profile.user.email, "flaming torches"]:
            assert secret not in body


def test_ward_list_query_count_is_fixed(signed_in, django_assert_max_num_queries):
    """Many wards, streets and residents still take a fixed handful of queries."""
    for ward in WardFactory.create_batch(30):
        ProfileFactory.create_batch(2, street=StreetFactory(ward=ward), ward=ward)
    with django_assert_max_num_queries(6):
        response = signed_in.get(reverse("site:ward_list"))
    assert response.status_code == 200


def test_ward_detail_query_count_is_fixed(signed_in, django_assert_max_num_queries):
    """A ward with many streets and residents takes a fixed handful of queries (news included)."""
    ward = WardFactory()
    streets = StreetFactory.create_batch(120, ward=ward)
    ProfileFactory.create_batch(20, street=streets[0], ward=ward)
    with django_assert_max_num_queries(9):
        response = signed_in.get(reverse("site:ward_detail", args=[ward.slug]))
    assert response.status_code == 200
