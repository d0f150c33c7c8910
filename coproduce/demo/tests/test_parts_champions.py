import pytest
from django.db.models import Count, Max

from coproduce.champions.models import ChampionApplication, ChampionMessage, StreetChampion
from coproduce.demo import services as demo_services
from coproduce.demo.parts import champions as demo
from coproduce.demo.tests.factories import TINY
from coproduce.people.models import Profile
from coproduce.places.models import Street

pytestmark = pytest.mark.django_db


def test_demo_champions_cover_about_a_third_of_streets_and_clear():
    """About a third of streets get a champion who lives on one of them; clear removes all."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"champions"}))
    demo.build(ctx)
    streets = Street.objects.count()
    covered = StreetChampion.objects.values("street").distinct().count()
    assert 0 < covered <= round(streets / 3) + 1
    for role in StreetChampion.objects.all()[:20]:
        assert Profile.objects.filter(
            user_id=role.champion_id, street__ward_id=role.street.ward_id
        ).exists()
    assert ChampionApplication.objects.filter(status="waiting").exists()
    assert ChampionMessage.objects.exists()
    most = (
        StreetChampion.objects.values("champion_id")
        .annotate(n=Count("id"))
        .aggregate(most=Max("n"))["most"]
    )
    assert most <= demo.MOST_STREETS_EACH
    demo.clear()
    assert not StreetChampion.objects.exists()
    assert not ChampionApplication.objects.exists() and not ChampionMessage.objects.exists()
