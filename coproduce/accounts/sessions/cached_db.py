"""Sessions in the shared cache, written to the database as well (SESSION_ENGINE with
CACHE_URL, ADR 0037): the database is read when the cache has lost a session."""

from django.contrib.sessions.backends import cached_db

from . import WrittenOutRead


class SessionStore(WrittenOutRead, cached_db.SessionStore):
    pass
