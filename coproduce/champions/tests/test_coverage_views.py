import csv
import io
import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.models import StreetChampion
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory, StreetFactory, WardFactory

from .factories import StreetChampionFactory, officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _message_limit(settings):
    """The limit the lead adds to settings.RATE_LIMITS (see the report)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "champion_message": "5/h"}


def _people_on(street, n):
    for _ in range(n):
        ProfileFactory(street=street, ward=street.ward)


# Coverage ----------------------------------------------------------------------------------------


def _borough():
    ward = WardFactory(name="Hazel")
    busy = StreetFactory(ward=ward, name="Busy Street")
    quiet = StreetFactory(ward=ward, name="Quiet Close")
    covered = StreetFactory(ward=ward, name="Covered Road")
    _people_on(busy, 6)
    _people_on(quiet, 2)
    StreetChampionFactory(street=covered)
    return busy, quiet, covered


def test_public_coverage_hides_counts_under_five(client):
    """Two people on a street show as "fewer than 5"; six show as 6."""
    _borough()
    response = client.get(reverse("champions:coverage"))
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", response.text, re.S)
    quiet = [row for row in rows if "Quiet Close" in row]
    assert quiet and all("fewer than 5" in row and ">2<" not in row for row in quiet)
    assert any("Busy Street" in row and ">6<" in row for row in rows)


def test_officer_coverage_shows_exact_counts_and_champions(client):
    """Officers see 2, and who champions a street."""
    _busy, _quiet, covered = _borough()
    client.force_login(officer())
    response = client.get(reverse("champions:coverage_officer"), {"sort": "name"})
    assert ">2</td>" in response.text.replace(" ", "").replace("\n", "")
    role = StreetChampion.objects.get(street=covered)
    assert reverse("champions:champion", args=[role.champion_id]) in response.text


def test_public_csv_hides_counts_under_five(client):
    """The public CSV writes "fewer than 5" for 1 to 4 people."""
    _borough()
    response = client.get(reverse("champions:coverage_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_street = {row[1]: row for row in rows[1:]}
    assert by_street["Quiet Close"][3] == "fewer than 5"
    assert by_street["Busy Street"][3] == "6"
    assert by_street["Covered Road"][2] == "yes"


def test_officer_csv_has_exact_counts(client):
    """The officer CSV writes the real number."""
    _borough()
    client.force_login(officer())
    response = client.get(reverse("champions:coverage_officer_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[1]: row[3] for row in rows[1:]}["Quiet Close"] == "2"


def test_gaps_rank_busiest_uncovered_street_first(client):
    """The street without a champion and with most people leads the gaps."""
    _borough()
    response = client.get(reverse("champions:coverage"))
    gaps = response.context["gaps"]
    assert [row.name for row in gaps] == ["Busy Street", "Quiet Close"]


def test_the_map_has_a_dot_per_street_and_a_legend(client):
    """Server-drawn SVG, one circle per street with a centre, and a legend."""
    _borough()
    response = client.get(reverse("champions:coverage"))
    svg = response.text.split('class="champions-map"', 1)[1].split("</svg>", 1)[0]
    assert svg.count("<circle") == 3
    assert "Has a champion" in response.text and "No champion yet" in response.text


def test_a_bad_ward_filter_is_not_an_error_page(client):
    """An unknown ward shows every street with an error beside the filter."""
    _borough()
    response = client.get(reverse("champions:coverage"), {"ward": "nowhere", "page": "x"})
    assert response.status_code == 200 and "Choose a ward from the list" in response.text


def test_coverage_query_count_does_not_grow(client, django_assert_num_queries):
    """The same few queries for 3 streets or 30, however many people."""
    _borough()
    client.get(reverse("champions:coverage"))
    with django_assert_num_queries(7):
        client.get(reverse("champions:coverage"))
    ward = WardFactory()
    for _ in range(27):
        street = StreetFactory(ward=ward)
        _people_on(street, 1)
        StreetChampionFactory(street=street)
    with django_assert_num_queries(7):
        client.get(reverse("champions:coverage"))


def test_officer_coverage_query_count_does_not_grow(client, django_assert_max_num_queries):
    """Officer page: champions of the page's streets in one query."""
    _borough()
    client.force_login(officer())
    client.get(reverse("champions:coverage_officer"))
    for _ in range(20):
        StreetChampionFactory()
    with django_assert_max_num_queries(13):
        client.get(reverse("champions:coverage_officer"))


# Street pack -------------------------------------------------------------------------------------


def test_pack_has_a_flyer_per_street_with_events_projects_and_qr(client):
    """Each street's flyer lists events near it and a QR code with alt text."""
    ward = WardFactory()
    person = UserFactory()
    streets = [StreetFactory(ward=ward) for _ in range(2)]
    for street in streets:
        StreetChampionFactory(champion=person, street=street)
    place = PlaceFactory(ward=ward)
    EventFactory(place=place, title="Litter pick on the green")
    client.force_login(person)
    response = client.get(reverse("champions:pack", args=[person.pk]))
    assert response.text.count('class="champions-flyer"') == 2
    assert "Litter pick on the green" in response.text
    assert f"topic=ward%3A{ward.pk}" in response.text
    assert response.text.count("QR code: a link to get news of") == 2
    assert "<svg" in response.text


def test_pack_leaves_out_events_far_away_in_another_ward(client):
    """An event 5 km away in another ward is not on the flyer."""
    person = UserFactory()
    StreetChampionFactory(champion=person, street=StreetFactory(centre_latitude=51.5))
    far = PlaceFactory(latitude=51.545, longitude=-0.1)
    EventFactory(place=far, title="Far away fair")
    client.force_login(person)
    response = client.get(reverse("champions:pack", args=[person.pk]))
    assert "Far away fair" not in response.text


def test_pack_includes_events_close_by_in_another_ward(client):
    """An event 500 m away, over the ward boundary, is on the flyer."""
    person = UserFactory()
    StreetChampionFactory(champion=person, street=StreetFactory(centre_latitude=51.5))
    near = PlaceFactory(latitude=51.5045, longitude=-0.1)
    EventFactory(place=near, title="Close by coffee morning")
    client.force_login(person)
    response = client.get(reverse("champions:pack", args=[person.pk]))
    assert "Close by coffee morning" in response.text


def test_closed_accounts_are_not_counted(client):
    """A profile whose account is closed drops out of the street's count."""
    busy, _quiet, _covered = _borough()
    closed = busy.profiles.first().user
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    client.force_login(officer())
    response = client.get(reverse("champions:coverage_officer_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[1]: row[3] for row in rows[1:]}["Busy Street"] == "5"
