import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.tests.factories import ActionFactory, EventFactory
from coproduce.groups.tests.factories import MembershipFactory, OrganisationFactory
from coproduce.insights import selectors
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory

from .factories import WardPopulationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_a_person_with_a_recent_rsvp_is_taking_part():
    """An RSVP in the last 12 months counts as taking part, and as linked."""
    street = StreetFactory()
    active, idle = ProfileFactory(street=street), ProfileFactory(street=street)
    Rsvp.objects.create(
        event=EventFactory(), user=active.user, status="confirmed", queued_at=timezone.now()
    )
    row = next(r for r in selectors.ward_rows() if r.ward == street.ward)
    assert (row.people, row.taking_part, row.not_linked) == (2, 1, 1)
    assert idle.user_id != active.user_id


def test_a_group_member_is_linked_and_counted_per_street():
    """Membership links a person; streets are counted within the ward."""
    street = StreetFactory()
    member = ProfileFactory(street=street)
    ProfileFactory(street=street)
    MembershipFactory(user=member.user)
    rows = selectors.street_rows(street.ward)
    assert [(r.street, r.people, r.not_linked) for r in rows] == [(street, 2, 1)]


def test_imported_populations_come_before_settings():
    """The newest imported estimate wins over WARD_POPULATIONS."""
    estimate = WardPopulationFactory(population=9_000, year=2023)
    WardPopulationFactory(ward=estimate.ward, population=8_000, year=2021)
    with override_settings(WARD_POPULATIONS={estimate.ward.slug: 1}):
        found = selectors.ward_populations()[estimate.ward.pk]
    assert (found.population, found.year) == (9_000, 2023)


def test_settings_give_a_population_when_none_is_imported():
    """WARD_POPULATIONS by ward slug fills in a ward with no estimate."""
    ward = StreetFactory().ward
    with override_settings(WARD_POPULATIONS={ward.slug: {"population": 7_500, "year": 2022}}):
        found = selectors.ward_populations()[ward.pk]
    assert (found.population, found.year) == (7_500, 2022)


def test_a_new_membership_changes_the_cached_network():
    """The network is cached by a data version, so a new link shows at once."""
    first, second = OrganisationFactory(), OrganisationFactory()
    person = MembershipFactory(organisation=first).user
    assert selectors.group_network().network.links == {}
    MembershipFactory(organisation=second, user=person)
    assert selectors.group_network().network.links == {(first.pk, second.pk): 1}


@override_settings(INSIGHTS_GO_TO={"groups": 2, "projects": 99, "actions": 2})
def test_go_to_people_are_those_past_a_threshold_with_all_their_counts():
    """In two groups and owning two open actions: listed, with every count filled in."""
    busy = MembershipFactory().user
    MembershipFactory(user=busy)
    ActionFactory(owner=busy)
    ActionFactory(owner=busy)
    MembershipFactory()  # one group only: not listed
    found = selectors.go_to_people()
    assert [(p.person, p.groups, p.actions) for p in found] == [(busy, 2, 2)]


def test_a_street_count_is_not_changed_by_people_in_other_wards():
    """A ward's streets count only that ward's people, with those linked elsewhere left out."""
    here, elsewhere = StreetFactory(), StreetFactory()
    person = ProfileFactory(street=here)
    MembershipFactory(user=ProfileFactory(street=elsewhere).user)
    rows = selectors.street_rows(here.ward)
    assert [(r.street, r.people, r.taking_part, r.not_linked) for r in rows] == [(here, 1, 0, 1)]
    assert person.ward == here.ward


def test_people_who_gave_no_street_have_their_own_row():
    """A profile in the ward with no street is counted on a row of its own."""
    street = StreetFactory()
    ProfileFactory(street=None, ward=street.ward)
    rows = selectors.street_rows(street.ward)
    assert [(r.street, r.people) for r in rows] == [(street, 0), (None, 1)]
