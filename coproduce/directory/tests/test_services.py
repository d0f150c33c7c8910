from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from coproduce.directory import selectors, services
from coproduce.directory.models import Service, TaxonomyTerm
from coproduce.directory.taxonomy import BUILTIN_TERMS
from coproduce.places.tests.factories import PlaceFactory

from .factories import (
    OrganisationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

MONDAY_TEN = datetime(2025, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def test_service_create_saves_everything_or_nothing():
    """A service is created with all its parts; a bad part leaves no service behind."""
    organisation = OrganisationFactory()
    place = PlaceFactory()
    food = TaxonomyTerm.objects.get(code="food")
    service = services.service_create(
        organisation=organisation,
        name="  Food parcels ",
        places=[place],
        contacts=[services.ContactDetails(title="Reception", phone="020 7946 0000")],
        openings=[services.Opening(days=("FR", "MO"), opens_at=time(9), closes_at=time(12))],
        minimum_age=18,
        costs=[services.Cost(option="Free", amount=Decimal(0))],
        terms=[food],
    )
    assert service.name == "Food parcels"
    assert service.schedules.get().byday == "MO,FR"
    assert service.eligibility.minimum_age == 18
    assert list(service.places.all()) == [place]
    assert list(service.taxonomy_terms.all()) == [food]
    with pytest.raises(services.ServiceDataError):
        services.service_create(
            organisation=organisation,
            name="Broken",
            openings=[services.Opening(days=("XX",), opens_at=time(9), closes_at=time(8))],
        )
    assert not Service.objects.filter(name="Broken").exists()


@pytest.mark.parametrize(("minimum", "maximum"), [(30, 20), (-1, None), (None, 200)])
def test_eligibility_refuses_impossible_ages(minimum, maximum):
    """Ages must be from 0 to 130 and in order."""
    with pytest.raises(services.ServiceDataError):
        services.service_set_eligibility(
            service=ServiceFactory(), minimum_age=minimum, maximum_age=maximum
        )


def test_service_update_changes_only_what_is_given():
    """Fields not given keep their values; an unknown status is refused."""
    service = ServiceFactory(name="Old", email="a@example.org")
    services.service_update(service=service, name="New")
    service.refresh_from_db()
    assert (service.name, service.email) == ("New", "a@example.org")
    with pytest.raises(services.ServiceDataError):
        services.service_update(service=service, status="open")


def test_set_places_and_terms_replace_what_was_there():
    """Setting places or categories leaves exactly the ones given."""
    link = ServiceAtLocationFactory()
    service, other = link.service, PlaceFactory()
    services.service_set_places(service=service, places=[other])
    assert list(service.places.all()) == [other]
    food, money = TaxonomyTerm.objects.filter(code__in=["food", "money"]).order_by("code")
    services.service_set_terms(service=service, terms=[food])
    services.service_set_terms(service=service, terms=[money])
    assert list(service.taxonomy_terms.all()) == [money]


def test_schedule_belongs_to_service_or_place_not_both():
    """A schedule needs exactly one owner."""
    link = ServiceAtLocationFactory()
    opening = services.Opening(days=("MO",), opens_at=time(9), closes_at=time(10))
    with pytest.raises(services.ServiceDataError):
        services.schedule_add(opening=opening, service=link.service, service_at_location=link)
    with pytest.raises(services.ServiceDataError):
        services.schedule_add(opening=opening)


def test_builtin_taxonomy_is_loaded_and_can_be_loaded_again():
    """The migration loads the categories; ensuring them again adds no duplicates."""
    assert TaxonomyTerm.objects.count() == len(BUILTIN_TERMS)
    TaxonomyTerm.objects.filter(code="food").delete()
    services.taxonomy_ensure_builtin()
    services.taxonomy_ensure_builtin()
    assert TaxonomyTerm.objects.count() == len(BUILTIN_TERMS)


def test_open_now_uses_day_time_and_dates():
    """Open now means today's day, within the hours, and inside any dates given."""
    open_service = ScheduleFactory(byday="MO").service
    ScheduleFactory(service__name="Closed at ten", byday="MO", opens_at=time(11))
    ScheduleFactory(service__name="Ended", byday="MO", valid_to=date(2025, 1, 1))
    at_place = ScheduleFactory(
        service=None, service_at_location=ServiceAtLocationFactory(), byday="MO"
    ).service_at_location.service
    found = selectors.services_for_list(selectors.ServiceFilters(open_now=True), now=MONDAY_TEN)
    assert set(found) == {open_service, at_place}


def test_days_display_joins_runs_of_days():
    """Schedules say 'Monday to Friday' rather than listing five days."""
    schedule = ScheduleFactory(byday="MO,TU,WE,TH,FR,SU")
    assert schedule.days_display == "Monday to Friday, Sunday"
    schedule.byday = "MO,TU,TH"
    assert schedule.days_display == "Monday, Tuesday, Thursday"
