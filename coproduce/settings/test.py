"""Settings for the test suite. DATABASE_URL picks SQLite (default) or PostgreSQL."""

from .base import *  # noqa: F403
from .base import DATABASES, SILENCED_SYSTEM_CHECKS, env

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No caching between tests: each test's data is its own. Tests of caching turn it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# Limits are counted in memory (tests run in one process) and cleared before each test
# (conftest.py); a test of the database cache uses it itself.
CACHES["limits"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# Pages are not kept between requests in tests, except in the tests of keeping them.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# Sessions and permissions as without a shared cache, whatever CACHE_URL says; the tests of
# keeping permissions turn it on.
SESSION_ENGINE = "coproduce.accounts.sessions.db"
PERMISSIONS_CACHE_SECONDS = 0
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env(
    "DATABASE_URL", default=""
):
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA foreign_keys=ON;"},
    }

# Static files come straight from the finders in tests: nothing needs collecting first.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MAP_TILE_URL = ""  # tests never reach out to a tile server
SKILL_VECTORS_DIR = None  # vectors are worked out in memory for each test run
# Most tests sign staff in with force_login and no second factor; the tests of two-factor
# sign-in turn this on with override_settings (docs/adr, staff two-factor).
STAFF_TWO_FACTOR_REQUIRED = False
