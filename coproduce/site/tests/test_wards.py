import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.tests.factories import StreetChampionFactory
from coproduce.directory.models import Service
from coproduce.directory.tests.factories import ServiceAtLocationFactory
from coproduce.gatherings.models import Event
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.people.privacy import Visibility
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.models import Place
from coproduce.places.tests.factories import PlaceFactory, StreetFactory, WardFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.site.views.wards import STREETS_PER_PAGE

pytestmark = pytest.mark.django_db


def fill_ward(ward, streets, n: int, first: int = 0) -> None:
    """n of each thing a ward's page lists, all shown, numbered from first."""
    for number in range(first, first + n):
        place = PlaceFactory(ward=ward, name=f"Hall {number}")
        project = ProjectFactory(ward=ward, place=place, title=f"Fruit trees {number}")
        EventFactory(place=place, title=f"Coffee morning {number}")
        OrganisationFactory(ward=ward, base=place, name=f"Knitting circle {number}")
        ServiceAtLocationFactory(place=place, service__name=f"Debt advice {number}")
        StreetChampionFactory(street=streets[number % len(streets)])
        assert project.pk


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


def test_ward_detail_query_count_is_fixed(signed_in, django_assert_num_queries):
    """A ward with many streets, residents and things in it takes as many queries as a ward
    with one of each (news and champions included)."""
    ward = WardFactory()
    streets = StreetFactory.create_batch(3, ward=ward)
    fill_ward(ward, streets, 1)
    url = reverse("site:ward_detail", args=[ward.slug])
    # 16: one each for the "you said, we did" panel (coproduce/yousaid/panels.py) and the
    # councillors' panel (coproduce/councillors/panels.py).
    with django_assert_num_queries(16) as one:
        signed_in.get(url)
    streets += StreetFactory.create_batch(120, ward=ward)
    ProfileFactory.create_batch(20, street=streets[0], ward=ward)
    fill_ward(ward, streets, 12, first=1)
    with django_assert_num_queries(len(one.captured_queries)):
        response = signed_in.get(url)
    assert response.status_code == 200
    assert "See all 13" in response.text


SECTIONS = [
    "Latest projects and ideas</h2>",
    "Events coming up</h2>",
    "Groups</h2>",
    "Places</h2>",
    "Services</h2>",
    "Street champions</h2>",
]


def ward_page(client, ward) -> str:
    response = client.get(reverse("site:ward_detail", args=[ward.slug]))
    assert response.status_code == 200
    return response.text


def test_an_empty_ward_leaves_out_every_section(client):
    """A ward with nothing in it shows its counts, and no empty section."""
    text = ward_page(client, WardFactory())
    for section in SECTIONS:
        assert section not in text
    assert "Projects and ideas" in text and "People signed up" in text


def test_a_ward_lists_what_is_in_it_with_links_to_the_filtered_lists(client):
    """Projects, events, groups, places, services and champions each have a section, and
    every kind links to its list (or the map) filtered to the ward."""
    ward = WardFactory(name="Millbrook")
    street = StreetFactory(ward=ward, name="Elm Grove")
    fill_ward(ward, [street], 1)
    text = ward_page(client, ward)
    for section in SECTIONS:
        assert section in text
    for thing in ["Fruit trees 0", "Coffee morning 0", "Knitting circle 0", "Hall 0"]:
        assert thing in text
    assert "Debt advice 0" in text and "Elm Grove" in text
    for url in ["projects:list", "gatherings:list", "groups:list", "maps:map", "services:list"]:
        assert f"{reverse(url)}?ward={ward.slug}" in text


def test_a_ward_leaves_out_what_the_public_may_not_see(client):
    """Hidden or archived projects, past or cancelled events, hidden groups, places and
    services, rooms and ended champions are neither listed nor counted."""
    ward = WardFactory()
    place = PlaceFactory(ward=ward, name="Open hall")
    ProjectFactory(ward=ward, title="Hidden plan", is_hidden=True)
    ProjectFactory(ward=ward, title="Old plan", status=Project.Status.ARCHIVED)
    EventFactory(place=place, title="Called off", status=Event.Status.CANCELLED)
    OrganisationFactory(ward=ward, name="Secret society", is_listed=False)
    PlaceFactory(ward=ward, name="Hidden hut", is_listed=False)
    PlaceFactory(ward=ward, name="Back room", kind=Place.Kind.ROOM, building=place)
    ServiceAtLocationFactory(place=place, service__name="Hidden help", service__is_listed=False)
    ServiceAtLocationFactory(
        place=place, service__name="Old clinic", service__status=Service.Status.DEFUNCT
    )
    role = StreetChampionFactory(street=StreetFactory(ward=ward))
    role.ended_at = role.created_at
    role.save()
    text = ward_page(client, ward)
    for hidden in ["Hidden plan", "Old plan", "Called off", "Secret society", "Hidden hut"]:
        assert hidden not in text
    for hidden in ["Back room", "Hidden help", "Old clinic", "Street champions</h2>"]:
        assert hidden not in text
    assert "Open hall" in text
    counts = re.findall(
        r'summary-list__key">([^<]+)</dt>\s*<dd class="govuk-summary-list__value">([^<]+)</dd>',
        text,
    )
    assert dict(counts) == {
        "Projects and ideas": "0",
        "Events coming up": "0",
        "Groups": "0",
        "Places": "1",
        "Services": "0",
        "People signed up": "0",
        "Streets": "1",
    }


def test_champions_are_named_as_they_chose(client):
    """A champion who shows their name only to members reads "A resident" to visitors."""
    street = StreetFactory(name="Elm Grove")
    role = StreetChampionFactory(street=street, champion__display_name="Priya Champion")
    ProfileFactory(user=role.champion, visibility_identity=Visibility.MEMBERS)
    text = ward_page(client, street.ward)
    assert "Priya Champion" not in text and "A resident" in text
    client.force_login(UserFactory())
    assert "Priya Champion" in ward_page(client, street.ward)


def test_few_people_are_not_counted_exactly(client):
    """Two people signed up read "fewer than 5", never the number."""
    street = StreetFactory()
    ProfileFactory.create_batch(2, street=street, ward=street.ward)
    assert "fewer than 5" in ward_page(client, street.ward).lower()
