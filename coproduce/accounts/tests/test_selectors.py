"""Reads about people that cross relations."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.accounts.selectors import permission_names_of
from coproduce.accounts.services import user_set_roles
from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_permission_names_match_what_django_gives_in_every_case():
    nobody = UserFactory()
    resident = UserFactory()
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER, Role.MODERATOR])  # roles that overlap
    own_only = UserFactory()
    own_only.user_permissions.add(Permission.objects.get(codename="publish_news"))
    both = UserFactory()
    user_set_roles(user=both, roles=[Role.ORGANISER])
    both.user_permissions.add(
        Permission.objects.get(codename="publish_news"),
        Permission.objects.get(codename="run_group_or_project"),  # also from the role
    )
    empty_role = Group.objects.create(name="empty for this test")
    resident.groups.add(empty_role)
    nobody.groups.clear()
    for person in (nobody, resident, officer, own_only, both):
        fresh = User.objects.get(pk=person.pk)
        assert permission_names_of(fresh) == ModelBackend().get_all_permissions(fresh)
    assert "news.publish_news" in permission_names_of(officer)
    assert permission_names_of(nobody) == set()


def test_permission_names_are_one_query(django_assert_num_queries):
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    with django_assert_num_queries(1):
        permission_names_of(officer)
