import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings import permissions
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory

from .factories import EventFactory, SeriesFactory, officer, organiser

pytestmark = pytest.mark.django_db


# Putting on events


@pytest.mark.parametrize(
    ("roles", "allowed"),
    [
        ([], False),
        ([Role.ORGANISER], True),
        ([Role.OFFICER], True),
        ([Role.MODERATOR], False),
        ([Role.ADMINISTRATOR], True),
    ],
)
def test_who_may_put_on_events(roles, allowed):
    """Organisers, officers and administrators may put on events; residents and moderators
    may not."""
    assert permissions.can_create_events(UserFactory(roles=roles)) is allowed


def test_visitors_and_closed_accounts_may_not_put_on_events():
    """Signed-out visitors and inactive organisers are refused."""
    assert not permissions.can_create_events(AnonymousUser())
    assert not permissions.can_create_events(organiser(is_active=False))


# Managing an event


def test_event_organiser_manages_it():
    """Someone named as an organiser of the event manages it."""
    person = UserFactory()
    assert permissions.can_manage(person, EventFactory(organisers=[person]))


def test_officer_manages_any_event():
    """Officers manage events they have nothing to do with."""
    assert permissions.can_manage(officer(), EventFactory())


def test_organiser_role_alone_does_not_manage_others_events():
    """Having the organiser role is not enough to manage another person's event."""
    assert not permissions.can_manage(organiser(), EventFactory(organisers=[organiser()]))


def test_group_organiser_manages_the_groups_events():
    """An organiser of the group that runs the event manages it."""
    membership = OrganiserFactory()
    assert permissions.can_manage(membership.user, EventFactory(group=membership.organisation))


def test_group_member_does_not_manage_the_groups_events():
    """A plain member of the group does not."""
    membership = MembershipFactory()
    assert not permissions.can_manage(membership.user, EventFactory(group=membership.organisation))


def test_series_organiser_manages_its_events():
    """Organisers of a series manage each of its events."""
    person = UserFactory()
    assert permissions.can_manage(person, EventFactory(series=SeriesFactory(organisers=[person])))


def test_organiser_of_the_series_group_manages_its_events():
    """An organiser of the group that runs a series manages its events."""
    membership = OrganiserFactory()
    series = SeriesFactory(group=membership.organisation)
    assert permissions.can_manage(membership.user, EventFactory(series=series))


def test_visitors_and_closed_accounts_manage_nothing():
    """Not signed in, or account closed: no managing, even of one's own event."""
    person = UserFactory(is_active=False)
    event = EventFactory(organisers=[person])
    assert not permissions.can_manage(AnonymousUser(), event)
    assert not permissions.can_manage(person, event)
    assert not permissions.can_manage(officer(is_active=False), event)


# Managing a series


def test_who_manages_a_series():
    """Its organisers, its group's organisers and officers; no one else."""
    person = UserFactory()
    membership = OrganiserFactory()
    series = SeriesFactory(organisers=[person], group=membership.organisation)
    assert permissions.can_manage_series(person, series)
    assert permissions.can_manage_series(membership.user, series)
    assert permissions.can_manage_series(officer(), series)
    assert not permissions.can_manage_series(organiser(), series)
    assert not permissions.can_manage_series(AnonymousUser(), series)


def test_series_without_a_group_has_only_its_organisers():
    """With no group, only named organisers (and officers) manage a series."""
    series = SeriesFactory(organisers=[UserFactory()])
    assert not permissions.can_manage_series(MembershipFactory().user, series)


# Taking part


def test_anyone_signed_in_may_take_part():
    """Residents may take part; visitors and closed accounts may not."""
    assert permissions.can_take_part(UserFactory())
    assert not permissions.can_take_part(AnonymousUser())
    assert not permissions.can_take_part(UserFactory(is_active=False))
    assert not permissions.can_take_part(None)
