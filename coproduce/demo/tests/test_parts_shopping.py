import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import shopping as demo
from coproduce.demo.tests.factories import TINY
from coproduce.directory.models import Service
from coproduce.shopping.models import Answer, Programme, Shopper, Visit

pytestmark = pytest.mark.django_db


def test_demo_makes_a_programme_with_supported_shoppers_and_clears_it():
    """12 services (fewer in a tiny borough), shoppers with named supporters, visits done
    and due; clear removes it."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"shopping"}))
    demo.build(ctx)
    programme = Programme.objects.get(title=demo.PROGRAMME["title"])
    listed = Service.objects.filter(is_listed=True).count()
    assert programme.services.count() == min(demo.SERVICES, listed)
    assert Shopper.objects.exclude(supporter_name="").exists()
    assert Visit.objects.filter(recorded_at__isnull=True).exists()
    assert Visit.objects.filter(way="paper", entered_by__isnull=False).exists()
    assert Answer.objects.exists()
    demo.clear()
    assert not Programme.objects.exists() and not Visit.objects.exists()
