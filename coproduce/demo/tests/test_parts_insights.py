import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import insights as demo
from coproduce.demo.tests.factories import TINY
from coproduce.insights.models import WardPopulation
from coproduce.places.models import Ward

pytestmark = pytest.mark.django_db


def test_demo_gives_every_ward_a_population_and_clears_them():
    """One estimate per ward, never below 1,000 people; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"insights"}))
    demo.build(ctx)
    assert WardPopulation.objects.count() == Ward.objects.count()
    assert not WardPopulation.objects.filter(population__lt=1_000).exists()
    demo.clear()
    assert not WardPopulation.objects.exists()
