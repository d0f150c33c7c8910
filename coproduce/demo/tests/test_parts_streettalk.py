import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import PARTS
from coproduce.demo.parts import streettalk as demo
from coproduce.demo.tests.factories import TINY
from coproduce.streettalk.models import StreetDay, StreetEntry, Theme

pytestmark = pytest.mark.django_db

NEEDED = {"wards", "streets", "people", "demo_accounts"}


def test_demo_street_conversations_have_named_themes_and_clear_goes():
    """Two days with entries in named themes (one published, one theme left to name), no
    names anywhere; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset(p.name for p in PARTS) - NEEDED)
    demo.build(ctx)
    assert StreetDay.objects.count() == 2
    assert StreetDay.objects.filter(themes_published=True).count() == 1
    assert StreetEntry.objects.count() == 2 * demo.ENTRIES_PER_DAY
    assert not StreetEntry.objects.filter(theme__isnull=True).exists()
    assert Theme.objects.exclude(name="").exists() and Theme.objects.filter(name="").exists()
    assert all(theme.top_words for theme in Theme.objects.all() if theme.entries.exists())
    demo.clear()
    assert not StreetDay.objects.exists() and not StreetEntry.objects.exists()
