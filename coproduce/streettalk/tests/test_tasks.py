"""Finding themes with the real embedder (a small day, so it takes a second or two)."""

import pytest

from coproduce.streettalk import tasks
from coproduce.streettalk.models import StreetEntry

from .factories import StreetDayFactory, StreetEntryFactory

pytestmark = pytest.mark.django_db

MARKET = [
    "Bring back the Saturday market with cheap vegetables",
    "We need a fruit and veg market again",
    "I miss the market stalls selling fresh vegetables",
    "A weekly food market would be brilliant",
]
BUSES = [
    "The buses to the big supermarket are always late",
    "It takes two buses to get to a proper food shop",
    "Without a car I can't get to the supermarket",
    "The bus to the shops is too expensive",
]


def test_themes_find_groups_what_was_said_and_keeps_vectors():
    """Entries about markets and about getting to the shops fall in different themes,
    and every entry keeps its vector so the next run embeds nothing."""
    day = StreetDayFactory()
    for text in MARKET + BUSES:
        StreetEntryFactory(day=day, said=text)
    found = tasks.themes_find.call(day.pk)
    assert found >= 1
    assert not StreetEntry.objects.filter(day=day, vector__isnull=True).exists()
    market_themes = {e.theme_id for e in StreetEntry.objects.filter(said__in=MARKET)}
    bus_themes = {e.theme_id for e in StreetEntry.objects.filter(said__in=BUSES)}
    assert not (market_themes & bus_themes) - {None}
    assert tasks.vectors_fill(day.pk) == 0
