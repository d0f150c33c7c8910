import pytest

pytest_plugins = ["coproduce.testing.smtp"]


@pytest.fixture(autouse=True)
def _limits_start_empty():
    """Each test starts with no tries counted against the limits (coproduce/common/limits.py)."""
    from django.core.cache import caches

    caches["limits"].clear()
