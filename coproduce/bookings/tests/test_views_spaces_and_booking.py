"""Booking pages everyone uses: the list of spaces, a space's page, asking to book (by form and
by the JSON endpoint), and a space's calendar feed."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.models import Booking
from coproduce.common.tests.ical_parser import events
from coproduce.places.tests.factories import WardFactory

from .factories import BookingFactory, future, open_room
from .pages import client_for

pytestmark = pytest.mark.django_db


def _local_form(days: int = 10, starts: str = "10:00", ends: str = "12:00", **extra) -> dict:
    day = timezone.localdate() + timedelta(days=days)
    return {
        "day": day.strftime("%d/%m/%Y"),
        "starts": starts,
        "ends": ends,
        "purpose": "Tenants' meeting",
        "group": "",
    } | extra


# The list and space pages ---------------------------------------------------------------


def test_everyone_sees_the_list_of_spaces_with_filters():
    """Visitors see open spaces; filters by ward, capacity, facility and free narrow it."""
    ward = WardFactory(slug="hazel")
    free = open_room(place__ward=ward, place__name="Hazel Hall")
    free.capacity = 80
    free.save()
    free.place.facilities = ["kitchen"]
    free.place.save()
    paid = open_room(place__name="Canal Centre", price_per_hour=Decimal("12.50"))
    open_room(place__name="Closed Hall", is_open_for_booking=False)
    body = Client().get(reverse("bookings:list")).content.decode()
    assert "Hazel Hall" in body and "Canal Centre" in body
    assert "Closed Hall" not in body
    for query in ({"ward": "hazel"}, {"capacity": "50"}, {"facility": "kitchen"}, {"free": "on"}):
        body = Client().get(reverse("bookings:list"), query).content.decode()
        assert "Hazel Hall" in body, query
        assert str(paid.space.place.name) not in body, query


def test_list_page_queries_do_not_grow_with_spaces():
    """The list uses a fixed number of queries, however many spaces there are."""
    open_room()
    with CaptureQueriesContext(connection) as few:
        Client().get(reverse("bookings:list"))
    for _ in range(5):
        open_room()
    with CaptureQueriesContext(connection) as many:
        Client().get(reverse("bookings:list"))
    assert len(many) == len(few)


def test_bad_filter_gives_a_form_error():
    """A capacity that is not a number is an error on the form, not a crash."""
    response = Client().get(reverse("bookings:list"), {"capacity": "lots"})
    assert response.status_code == 200
    assert "Enter how many people" in response.content.decode()


def test_space_page_shows_rooms_and_the_month_table():
    """The space page lists rooms and a table of free times, without who booked."""
    room = open_room()
    start, end = future(days=1)
    booker = UserFactory(display_name="Zebediah")
    BookingFactory(room=room, starts_at=start, ends_at=end, status="confirmed", requested_by=booker)
    month = timezone.localtime(start).strftime("%Y-%m")
    response = Client().get(
        reverse("bookings:space", args=[room.space.pk]), {"room": room.pk, "month": month}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert room.place.name in body
    assert '<th scope="col" class="govuk-table__header">Free</th>' in body
    assert "Zebediah" not in body
    assert "Residents" not in body  # the purpose is not public either


def test_space_page_refuses_a_malformed_month():
    """A month in the wrong format is a 400 with a message."""
    room = open_room()
    response = Client().get(reverse("bookings:space", args=[room.space.pk]), {"month": "March"})
    assert response.status_code == 400


@pytest.mark.parametrize("month", ["²⁰²⁶-⁰³", "٢٠٢٦-٠٣", "9999-12", "2026-3", "2026-03\n"])
def test_space_page_refuses_other_digits_and_far_months(month):
    """Digits of other scripts, a month past 2100 or a loose format are a 400 saying why."""
    room = open_room()
    response = Client().get(reverse("bookings:space", args=[room.space.pk]), {"month": month})
    assert response.status_code == 400
    assert "for example 2026-03" in response.content.decode()


def test_closed_space_is_hidden_except_from_its_manager():
    """A space not open for booking is 404 to others but shown to its manager."""
    room = open_room(is_open_for_booking=False)
    url = reverse("bookings:space", args=[room.space.pk])
    assert Client().get(url).status_code == 404
    assert client_for(UserFactory()).get(url).status_code == 404
    assert client_for(room.space.manager).get(url).status_code == 200


# Asking to book -------------------------------------------------------------------------


def test_visitors_must_sign_in_to_book():
    """The request form sends visitors to sign in, and stores nothing."""
    room = open_room()
    url = reverse("bookings:request", args=[room.pk])
    assert Client().get(url).status_code == 302
    assert Client().post(url, _local_form()).status_code == 302
    assert not Booking.objects.exists()


def test_resident_asks_to_book():
    """A signed-in resident sends a request and is taken to their bookings."""
    room = open_room()
    person = UserFactory()
    client = client_for(person)
    assert client.get(reverse("bookings:request", args=[room.pk])).status_code == 200
    response = client.post(reverse("bookings:request", args=[room.pk]), _local_form())
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.requested_by == person
    assert timezone.localtime(booking.starts_at).hour == 10


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"starts": "12:00", "ends": "10:00"}, "The end time must be after the start time"),
        ({"starts": "20:00", "ends": "23:00"}, "The room is not available"),
        ({"day": "2026-13-45"}, "The date must be a real date"),
        ({"day": "next Tuesday"}, "The date must be a real date"),
        ({"starts": "teatime"}, "Enter the start time, for example 6pm"),
        ({"purpose": ""}, "Say what the booking is for"),
        ({"day": "31/12/9999"}, "Enter a date in a year from 1900 to 2200"),
        ({"day": "01/01/0001"}, "Enter a date in a year from 1900 to 2200"),
    ],
)
def test_bad_booking_input_gives_a_clear_error_and_stores_nothing(overrides, message):
    """Each kind of bad input is shown in the error summary; nothing is saved."""
    room = open_room()
    response = client_for(UserFactory()).post(
        reverse("bookings:request", args=[room.pk]), _local_form(**overrides)
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body
    assert message in body
    assert not Booking.objects.exists()


def test_taken_slot_gives_a_clear_error():
    """Asking for a time already confirmed is refused on the form, naming the clash."""
    room = open_room(auto_approve=True)
    client = client_for(UserFactory())
    client.post(reverse("bookings:request", args=[room.pk]), _local_form())
    response = client.post(reverse("bookings:request", args=[room.pk]), _local_form())
    assert response.status_code == 400
    day = date_format(timezone.localdate() + timedelta(days=10), "l j F")
    assert f"The {room.place.name} is booked from 10am to midday on {day}" in (
        response.content.decode()
    )
    assert Booking.objects.count() == 1


def test_someone_elses_group_cannot_be_chosen():
    """The group list holds only the person's own groups."""
    from coproduce.groups.tests.factories import OrganisationFactory

    room = open_room()
    other = OrganisationFactory()
    response = client_for(UserFactory()).post(
        reverse("bookings:request", args=[room.pk]), _local_form(group=str(other.pk))
    )
    assert response.status_code == 400
    assert not Booking.objects.exists()


# The JSON endpoint ------------------------------------------------------------------------


def _api(client, room, start, end, **headers):
    return client.post(
        reverse("bookings:api_book", args=[room.pk]),
        data=json.dumps({"start": start.isoformat(), "end": end.isoformat(), "purpose": "Yoga"}),
        content_type="application/json",
        **headers,
    )


def test_api_books_and_answers_409_when_taken():
    """201 with the id once stored, then 409 for an overlapping slot."""
    room = open_room(auto_approve=True)
    client = client_for(UserFactory())
    start, end = future()
    first = _api(client, room, start, end)
    assert first.status_code == 201
    assert first.json() == {"id": Booking.objects.get().pk, "status": "confirmed"}
    second = _api(client, room, start + timedelta(minutes=30), end)
    assert second.status_code == 409
    assert f"The {room.place.name} is booked from" in second.json()["error"]


def test_api_refuses_visitors_and_bad_input():
    """401 without a session; 400 for naive or malformed times; nothing stored."""
    room = open_room(auto_approve=True)
    start, end = future()
    assert _api(Client(), room, start, end).status_code == 401
    client = client_for(UserFactory())
    assert _api(client, room, start.replace(tzinfo=None), end).status_code == 400
    assert _api(client, room, end, start).status_code == 400
    bad = client.post(
        reverse("bookings:api_book", args=[room.pk]), data="{", content_type="application/json"
    )
    assert bad.status_code == 400
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "start", ["9999-12-31T22:00:00+00:00", "0001-01-01T00:00:00+01:00", "２０３０-01-01T10:00Z"]
)
def test_api_refuses_times_at_the_ends_of_the_calendar(start):
    """A time Python can barely hold, or written with other digits, is a 400 saying why."""
    room = open_room(auto_approve=True)
    response = client_for(UserFactory()).post(
        reverse("bookings:api_book", args=[room.pk]),
        data=json.dumps({"start": start, "end": "9999-12-31T23:00:00+00:00", "purpose": "x"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["start"]
    assert not Booking.objects.exists()


def test_api_needs_the_csrf_header():
    """With CSRF checks on, a post without the token is refused; with the header it works."""
    room = open_room(auto_approve=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    start, end = future()
    assert _api(client, room, start, end).status_code == 403
    token = "a" * 32
    client.cookies["csrftoken"] = token
    assert _api(client, room, start, end, HTTP_X_CSRFTOKEN=token).status_code == 201


# The calendar feed ----------------------------------------------------------------------


def test_calendar_feed_is_public_and_shows_only_booked():
    """The .ics lists confirmed bookings as "Booked", with no requester or purpose."""
    room = open_room()
    start, end = future()
    person = UserFactory(display_name="Philomena", email="philomena@example.org")
    booking = BookingFactory(
        room=room, starts_at=start, ends_at=end, status="confirmed", requested_by=person
    )
    BookingFactory(room=room, status="requested")
    response = Client().get(reverse("bookings:calendar", args=[room.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    data = response.content
    (event,) = events(data)
    assert event["SUMMARY"] == "Booked"
    assert event["DTSTART"] == start
    assert event["UID"] == f"booking-{booking.pk}@127.0.0.1"
    for secret in (b"Philomena", b"philomena@", b"Residents"):
        assert secret not in data


def test_calendar_uid_is_stable():
    """Asking twice gives the same UID for the same booking."""
    room = open_room()
    BookingFactory(room=room, status="confirmed")
    url = reverse("bookings:calendar", args=[room.pk])
    assert (
        events(Client().get(url).content)[0]["UID"] == events(Client().get(url).content)[0]["UID"]
    )


def test_calendar_of_a_closed_space_is_hidden():
    """A space not open for booking has no public feed."""
    room = open_room(is_open_for_booking=False)
    assert Client().get(reverse("bookings:calendar", args=[room.pk])).status_code == 404
