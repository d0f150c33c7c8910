import pytest

pytest_plugins = ["coproduce.testing.smtp"]


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql_only` (many threads writing one database at once, which an
    in-memory SQLite database cannot share) are left out of the SQLite run, not skipped:
    `make test` runs them in its PostgreSQL part, where a skip would fail the whole run."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker("postgresql_only") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(autouse=True)
def _limits_start_empty():
    """Each test starts with no tries counted against the limits (coproduce/common/limits.py)."""
    from django.core.cache import caches

    caches["limits"].clear()
