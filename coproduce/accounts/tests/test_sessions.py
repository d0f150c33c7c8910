"""The session stores: Django's, with the read of a session written out."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends import db as django_db
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from coproduce.accounts.sessions import cached_db, db

pytestmark = pytest.mark.django_db

KEPT = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "s"}}


def _saved_by_django(**data) -> str:
    store = django_db.SessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_a_session_django_saved_is_read_in_one_query():
    key = _saved_by_django(person="7", theme="dark")
    store = db.SessionStore(key)
    with CaptureQueriesContext(connection) as queries:
        assert dict(store.items()) == {"person": "7", "theme": "dark"}
    assert len(queries) == 1
    assert store.session_key == key


def test_a_session_saved_here_is_read_by_django():
    store = db.SessionStore()
    store["person"] = "8"
    store.create()
    assert django_db.SessionStore(store.session_key)["person"] == "8"


def test_an_expired_session_is_empty_and_its_key_forgotten():
    key = _saved_by_django(person="7")
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    store = db.SessionStore(key)
    assert dict(store.items()) == {}
    store["person"] = "9"
    store.save()
    assert store.session_key != key  # never brought back to life under the old key


@pytest.mark.parametrize("key", ["a" * 32, "not-a-key", None])
def test_an_unknown_or_malformed_key_reads_as_empty(key):
    assert dict(db.SessionStore(key).items()) == {}


@override_settings(CACHES=KEPT)
def test_the_cached_store_reads_the_database_when_the_cache_has_lost_it():
    """And keeps it until the session expires: the date read back is a real date."""
    from django.core.cache import caches

    key = _saved_by_django(person="7")
    store = cached_db.SessionStore(key)
    assert store["person"] == "7"
    kept = caches["default"].get(store.cache_key)
    assert kept == {"person": "7"}
    with CaptureQueriesContext(connection) as queries:
        assert cached_db.SessionStore(key)["person"] == "7"
    assert len(queries) == 0
