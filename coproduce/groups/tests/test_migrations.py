"""The data steps of the groups migrations, run on rows made now."""

import importlib

import pytest
from django.apps import apps

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import KindRequest, Organisation, OrganiserInvitation

from .factories import OrganisationFactory, OrganiserFactory

pytestmark = pytest.mark.django_db

verified_kinds = importlib.import_module(
    "coproduce.groups.migrations.0002_verified_kinds_and_sharing"
)
invitations = importlib.import_module("coproduce.groups.migrations.0003_organiser_invitations")


def _unchecked(kind=Organisation.Kind.NHS, **organiser):
    organisation = OrganisationFactory(kind=kind)
    OrganiserFactory(organisation=organisation, user=UserFactory(**organiser))
    return organisation


def test_a_residents_official_group_becomes_a_community_group_waiting_for_a_check():
    """An NHS group run by a resident goes to the officers' queue."""
    organisation = _unchecked()
    verified_kinds.check_existing_official_groups(apps, None)
    organisation.refresh_from_db()
    assert organisation.kind == Organisation.Kind.COMMUNITY_GROUP
    assert KindRequest.objects.get(organisation=organisation).kind == Organisation.Kind.NHS


def test_an_officers_official_group_stays_and_is_marked_checked():
    """A council service run by an officer keeps its kind, checked by that officer."""
    organisation = _unchecked(Organisation.Kind.COUNCIL_SERVICE, roles=[Role.OFFICER])
    verified_kinds.check_existing_official_groups(apps, None)
    organisation.refresh_from_db()
    assert organisation.kind == Organisation.Kind.COUNCIL_SERVICE
    assert organisation.kind_verified_at is not None
    assert organisation.kind_verified_by == organisation.memberships.get().user


def test_demo_and_imported_official_groups_stay_checked():
    """Groups made in the demo, or imported with no organiser, keep their kind."""
    demo = _unchecked(email="someone@demo.northbrook.invalid")
    imported = OrganisationFactory(kind=Organisation.Kind.SCHOOL)
    verified_kinds.check_existing_official_groups(apps, None)
    for organisation in (demo, imported):
        organisation.refresh_from_db()
        assert organisation.kind_verified_at is not None
    assert not KindRequest.objects.exists()


def test_existing_organisers_count_as_having_accepted():
    """Every organiser from before invitations has an accepted one."""
    organiser = OrganiserFactory()
    invitations.mark_existing_organisers_accepted(apps, None)
    assert OrganiserInvitation.objects.get(invitee=organiser.user).status == "accepted"
