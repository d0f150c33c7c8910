import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.permissions import can_see

from .factories import owned_project

pytestmark = pytest.mark.django_db


def test_anyone_sees_a_project_that_is_not_hidden():
    """A project no moderator hid is for everyone, signed in or not."""
    project = owned_project()
    assert can_see(AnonymousUser(), project) and can_see(UserFactory(), project)


def test_a_hidden_project_is_seen_only_by_its_managers_and_moderators():
    """Owners, officers and moderators see a hidden project; others and visitors do not."""
    owner = UserFactory()
    project = owned_project(owner=owner, is_hidden=True)
    for person in (owner, UserFactory(roles=[Role.OFFICER]), UserFactory(roles=[Role.MODERATOR])):
        assert can_see(person, project)
    for person in (AnonymousUser(), UserFactory(), UserFactory(roles=[Role.ORGANISER])):
        assert not can_see(person, project)
    inactive = UserFactory(roles=[Role.MODERATOR], is_active=False)
    assert not can_see(inactive, project)
