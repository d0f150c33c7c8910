import dataclasses

import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import sharing as demo
from coproduce.demo.tests.factories import TINY
from coproduce.sharing.models import FundingOpportunity, Item, Reservation

pytestmark = pytest.mark.django_db


def _borough(size=TINY):
    ctx = demo_services.demo_context(size=size, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"sharing"}))
    return ctx


def test_demo_makes_items_funding_and_clears_them():
    """Items across wards (some council furniture), landfill trust rounds; clear removes all."""
    ctx = _borough()
    demo.build(dataclasses.replace(ctx, size=dataclasses.replace(TINY, people=3_000)))
    assert Item.objects.count() >= demo.MIN_ITEMS
    assert Item.objects.values("ward").distinct().count() > 1
    assert FundingOpportunity.objects.filter(funder__name__contains="Landfill").count() == 3
    assert Item.objects.filter(description__contains="council building").count() == 12
    for reservation in Reservation.objects.select_related("item"):
        assert reservation.item.status in (Item.Status.RESERVED, Item.Status.LENT)
    demo.clear()
    assert not Item.objects.exists()
    assert not FundingOpportunity.objects.exists()
