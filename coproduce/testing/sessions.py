"""Signed-in sessions made directly in the session store, for tests and benchmarks that send
requests over a real connection (a cookie each), where the test client's login cannot reach."""

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore


def session_for(user) -> str:
    """A signed-in session for this user, made directly in the session store."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key
