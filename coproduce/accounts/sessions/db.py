"""Sessions in the database (SESSION_ENGINE without a shared cache)."""

from django.contrib.sessions.backends import db

from . import WrittenOutRead


class SessionStore(WrittenOutRead, db.SessionStore):
    pass
