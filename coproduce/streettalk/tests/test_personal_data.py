"""The days a facilitator ran in their download, and kept without them once they leave."""

import pytest

from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.streettalk.models import StreetDay, StreetEntry

from .factories import StreetDayFactory, StreetEntryFactory

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    assert [link for link in undeclared_links() if link[0].startswith("streettalk.")] == []


def test_download_has_the_days_and_no_vectors():
    entry = StreetEntryFactory()
    entry.recorded_by = entry.day.facilitator
    entry.save()
    gathered = personal_data_gather(entry.day.facilitator)
    assert gathered["street_conversation_days"][0]["title"] == entry.day.title
    assert "vector" not in gathered["street_conversation_entries_recorded"][0]


def test_closing_an_account_keeps_the_day_and_entries():
    day = StreetDayFactory()
    StreetEntryFactory(day=day, recorded_by=day.facilitator)
    personal_data.account_close(user=day.facilitator, remove_comments=False)
    assert StreetDay.objects.get(pk=day.pk).facilitator is None
    assert StreetEntry.objects.get(day=day).recorded_by is None
