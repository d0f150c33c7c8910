"""Who may manage a service's feedback."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback.permissions import may_manage_feedback
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


def test_organiser_of_the_running_organisation_may():
    """An organiser of the organisation that runs the service manages its feedback."""
    service = ServiceFactory()
    assert may_manage_feedback(OrganiserFactory(organisation=service.organisation).user, service)


def test_plain_member_visitor_and_other_organiser_may_not():
    """Members, visitors and organisers of another organisation do not."""
    service = ServiceFactory()
    assert not may_manage_feedback(
        MembershipFactory(organisation=service.organisation).user, service
    )
    assert not may_manage_feedback(AnonymousUser(), service)
    assert not may_manage_feedback(None, service)
    assert not may_manage_feedback(OrganiserFactory().user, service)


def test_officer_role_and_permission_may():
    """The officer role carries the permission to manage every service's feedback."""
    service = ServiceFactory()
    assert may_manage_feedback(UserFactory(roles=[Role.OFFICER]), service)
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="manage_any_feedback"))
    assert may_manage_feedback(person, service)
