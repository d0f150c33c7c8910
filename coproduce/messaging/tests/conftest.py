import pytest


@pytest.fixture(autouse=True)
def message_rate(settings):
    """The rate the lead adds to settings.RATE_LIMITS ("message_send"), for these tests."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "message_send": "20/h"}
