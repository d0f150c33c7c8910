"""A place's page: where it is (never exactly for someone's own place), hours, access, rooms,
and what happens there, each section left out when empty, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.models import BookableSpace
from coproduce.bookings.tests.factories import RoomFactory, SpaceFactory
from coproduce.directory.models import Service
from coproduce.directory.tests.factories import ServiceAtLocationFactory
from coproduce.gatherings.models import Event
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.models import Place
from coproduce.places.tests.factories import PlaceFactory
from coproduce.places.tests.panels import place_panels
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

SECTIONS = {
    "events": "Events coming up here",
    "groups": "Groups that meet here",
    "services": "Services here",
    "projects": "Projects and ideas here or nearby",
    "rooms": "Rooms you can book",
}


@pytest.fixture(autouse=True)
def panels():
    with place_panels():
        yield


@pytest.fixture
def hall():
    return PlaceFactory(
        name="Northbrook Community Centre",
        address="1 High Street",
        postcode="NB1 1AA",
        latitude=51.5,
        longitude=-0.1,
        opening_hours=[{"day": 0, "opens": "09:00", "closes": "17:00"}],
    )


def page(client, place) -> str:
    response = client.get(f"/places/{place.pk}/")
    assert response.status_code == 200
    return response.text


def project_at(place, **fields):
    project = ProjectFactory(place=place, ward=place.ward, **fields)
    project.fill_location()
    project.save()
    return project


def everything_at(hall, n: int = 1, first: int = 0) -> None:
    """n of each thing that can happen at the hall, all of them shown, numbered from first."""
    space = BookableSpace.objects.filter(place=hall).first() or SpaceFactory(place=hall)
    for number in range(first, first + n):
        EventFactory(place=hall, title=f"Coffee morning {number}")
        OrganisationFactory(base=hall, name=f"Knitting circle {number}")
        ServiceAtLocationFactory(place=hall, service__name=f"Debt advice {number}")
        project_at(hall, title=f"Community fridge {number}")
        RoomFactory(space=space, capacity=30 + number)


def test_an_empty_place_leaves_out_what_happens_there(client, hall):
    """With nothing on, none of the "what happens here" sections is shown."""
    text = page(client, hall)
    for heading in SECTIONS.values():
        assert heading not in text


def test_the_address_a_small_map_and_a_link_to_the_big_map(client, hall):
    """A public place shows its address, a map spot for JavaScript, and the big map's link."""
    text = page(client, hall)
    assert "1 High Street, NB1 1AA" in text
    assert 'id="place-map"' in text and 'data-latitude="51.500000"' in text
    assert "places/place_map.mjs" in text
    assert f"/map/?ward={hall.ward.slug}" in text or f"?ward={hall.ward.slug}" in text
    assert "Opening hours" in text and "Step-free access" in text


def test_someones_own_place_is_never_shown_exactly(client):
    """A private place a person added shows its ward only: no address, postcode or map."""
    home = PlaceFactory(
        name="Ada's garden",
        owner=Place.Owner.PRIVATE,
        added_by=UserFactory(),
        address="12 Secret Road",
        postcode="NB9 9ZZ",
        latitude=51.512345,
        longitude=-0.123456,
    )
    text = page(client, home)
    for secret in ["12 Secret Road", "NB9 9ZZ", "51.512345", "-0.123456", "place-map"]:
        assert secret not in text
    assert home.ward.name in text
    assert "someone&#x27;s own place" in text or "someone's own place" in text


def test_a_privately_owned_place_from_the_council_list_keeps_its_address(client):
    """A private business the council listed (added by nobody) is public as usual."""
    shop = PlaceFactory(owner=Place.Owner.PRIVATE, address="3 Market Row")
    assert "3 Market Row" in page(client, shop)


def test_events_coming_up_here_and_in_its_rooms(client, hall):
    """Upcoming events at the place and its rooms are listed; past and cancelled ones are not."""
    room = PlaceFactory(kind=Place.Kind.ROOM, building=hall, ward=hall.ward, name="Main hall")
    EventFactory(place=hall, title="Coffee morning")
    EventFactory(place=room, title="Tea dance")
    EventFactory(place=hall, title="Old party", starts_at=timezone.now() - timedelta(days=3))
    EventFactory(place=hall, title="Called off", status=Event.Status.CANCELLED)
    text = page(client, hall)
    assert SECTIONS["events"] in text
    assert "Coffee morning" in text and "Tea dance" in text and "Room: Main hall" in text
    assert "Old party" not in text and "Called off" not in text


def test_groups_that_meet_here(client, hall):
    """Listed groups based here are shown; hidden ones are not."""
    OrganisationFactory(base=hall, name="Knitting circle")
    OrganisationFactory(base=hall, name="Secret society", is_listed=False)
    text = page(client, hall)
    assert SECTIONS["groups"] in text and "Knitting circle" in text
    assert "Secret society" not in text


def test_services_here(client, hall):
    """Listed services offered here are shown; hidden and stopped ones are not."""
    ServiceAtLocationFactory(place=hall, service__name="Debt advice")
    ServiceAtLocationFactory(place=hall, service__name="Hidden help", service__is_listed=False)
    ServiceAtLocationFactory(
        place=hall, service__name="Old clinic", service__status=Service.Status.DEFUNCT
    )
    text = page(client, hall)
    assert SECTIONS["services"] in text and "Debt advice" in text
    assert "Hidden help" not in text and "Old clinic" not in text


def test_projects_here_and_nearby(client, hall):
    """Projects here and at places close by are listed; far, hidden and archived ones not."""
    near = PlaceFactory(latitude=51.501, longitude=-0.1005, ward=hall.ward)
    far = PlaceFactory(latitude=51.55, longitude=-0.2, ward=hall.ward)
    project_at(hall, title="Community fridge")
    project_at(near, title="Street party")
    project_at(far, title="Far away plan")
    project_at(hall, title="Hidden plan", is_hidden=True)
    project_at(hall, title="Old plan", status=ProjectFactory._meta.model.Status.ARCHIVED)
    text = page(client, hall)
    assert SECTIONS["projects"] in text
    assert "Community fridge" in text and "Street party" in text and "(nearby)" in text
    assert text.index("Community fridge") < text.index("Street party")
    for hidden in ["Far away plan", "Hidden plan", "Old plan"]:
        assert hidden not in text


def test_rooms_you_can_book_with_capacity_and_a_link(client, hall):
    """Bookable rooms show how many they hold and link to book; closed spaces show nothing."""
    room = RoomFactory(space=SpaceFactory(place=hall), capacity=40)
    text = page(client, hall)
    assert SECTIONS["rooms"] in text and "Holds 40 people" in text
    assert f"/bookings/spaces/{room.space_id}/?room={room.pk}" in text
    room.space.is_open_for_booking = False
    room.space.save()
    assert SECTIONS["rooms"] not in page(client, hall)


def test_a_room_page_offers_to_book_that_room(client, hall):
    """A bookable room's own page says "Book this room"."""
    room = RoomFactory(space=SpaceFactory(place=hall), capacity=12)
    text = page(client, room.place)
    assert "Book this room" in text and "Holds 12 people" in text


def test_every_section_shows_with_one_of_each(client, hall):
    """With one of everything, every section is there."""
    everything_at(hall)
    text = page(client, hall)
    for heading in SECTIONS.values():
        assert heading in text


def test_query_count_does_not_grow_with_what_happens_there(client, hall, django_assert_num_queries):
    """Twelve of everything costs the same queries as one of everything (one of them the
    stories told about the place, one asking which sections have anything)."""
    everything_at(hall, 1)
    with django_assert_num_queries(10) as one:
        page(client, hall)
    everything_at(hall, 12, first=1)
    with django_assert_num_queries(len(one.captured_queries)):
        text = page(client, hall)
    assert "See all events in" in text and "See all groups in" in text
