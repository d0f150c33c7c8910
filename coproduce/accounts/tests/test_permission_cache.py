"""Permissions kept in the shared cache: read once, and never kept past a change."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from coproduce.accounts import permission_cache
from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.accounts.services import user_set_roles
from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KEPT = override_settings(
    PERMISSIONS_CACHE_SECONDS=300,
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "permission-cache-tests",
        },
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    },
)


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import caches

    with KEPT:
        caches["default"].clear()
        yield
        caches["default"].clear()


def permission_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "auth_permission" in q["sql"]]


def as_next_request(user: User, perm: str) -> tuple[bool, list[str]]:
    """A fresh copy of the person, as the next request loads them, and what it asked."""
    fresh = User.objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        permission_cache.permissions_load(fresh)
        allowed = fresh.has_perm(perm)
    return allowed, permission_queries(queries.captured_queries)


def test_read_once_then_from_the_cache():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    allowed, asked = as_next_request(officer, "news.publish_news")
    assert allowed
    assert len(asked) == 1  # the person's own permissions and their roles', in one query
    allowed, asked = as_next_request(officer, "news.publish_news")
    assert allowed
    assert asked == []


def test_a_role_taken_away_is_seen_at_once():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    assert as_next_request(officer, "news.publish_news")[0]
    user_set_roles(user=officer, roles=[Role.RESIDENT])
    allowed, asked = as_next_request(officer, "news.publish_news")
    assert not allowed
    assert asked  # read afresh, not from the cache


def test_a_role_given_is_seen_at_once():
    person = UserFactory()
    assert not as_next_request(person, "news.publish_news")[0]
    user_set_roles(user=person, roles=[Role.OFFICER])
    assert as_next_request(person, "news.publish_news")[0]


def test_a_permission_taken_from_a_role_is_seen_at_once():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    assert as_next_request(officer, "news.publish_news")[0]
    Group.objects.get(name=Role.OFFICER).permissions.remove(
        Permission.objects.get(codename="publish_news")
    )
    assert not as_next_request(officer, "news.publish_news")[0]


def test_a_persons_own_permission_and_clearing_roles_are_seen_at_once():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="publish_news"))
    assert as_next_request(person, "news.publish_news")[0]
    person.user_permissions.clear()
    assert not as_next_request(person, "news.publish_news")[0]


def test_a_role_deleted_is_seen_at_once():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    assert as_next_request(officer, "news.publish_news")[0]
    Group.objects.get(name=Role.OFFICER).delete()
    assert not as_next_request(officer, "news.publish_news")[0]


def test_a_person_deleted_leaves_nothing_for_whoever_gets_their_id():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    assert as_next_request(officer, "news.publish_news")[0]
    before = permission_cache._version()
    officer.delete()
    assert permission_cache._version() > before


def test_superuser_flag_is_part_of_the_key():
    person = UserFactory()
    assert not as_next_request(person, "news.publish_news")[0]
    User.objects.filter(pk=person.pk).update(is_superuser=True)  # no signal: the key decides
    assert as_next_request(person, "news.publish_news")[0]
    User.objects.filter(pk=person.pk).update(is_superuser=False)
    assert not as_next_request(person, "news.publish_news")[0]


def test_the_version_moves_again_when_the_change_commits(django_capture_on_commit_callbacks):
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    before = permission_cache._version()
    with django_capture_on_commit_callbacks(execute=True):
        user_set_roles(user=officer, roles=[Role.RESIDENT])
    # Once at the change and once at its commit: a request that read the old permissions
    # between the two cannot have kept them under the version that follows the commit.
    assert permission_cache._version() >= before + 2


def test_nothing_is_kept_when_turned_off():
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    with override_settings(PERMISSIONS_CACHE_SECONDS=0):
        for _ in range(2):
            allowed, asked = as_next_request(officer, "news.publish_news")
            assert allowed
            assert len(asked) == 1


def test_the_middleware_keeps_a_residents_permissions_between_requests(client):
    resident = UserFactory()
    client.force_login(resident)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    assert permission_queries(queries.captured_queries) == []


def test_staff_still_need_their_second_factor_with_kept_permissions(client):
    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    client.force_login(officer)
    with override_settings(STAFF_TWO_FACTOR_REQUIRED=True):
        for _ in range(2):  # the second answer comes from kept permissions
            response = client.get("/")
            assert response.status_code == 302
            assert "two-factor" in response["Location"]


def test_a_superuser_holds_every_permission():
    boss = UserFactory(is_superuser=True)
    assert as_next_request(boss, "news.publish_news")[0]
    assert as_next_request(boss, "staff.see_audit_log")[0]
