import pytest
from django.utils import timezone

from coproduce.demo import services as demo_services
from coproduce.demo.context import DemoContext
from coproduce.demo.parts import timebank as demo
from coproduce.demo.sizes import Size
from coproduce.timebank.invariants import ledger_problems
from coproduce.timebank.models import Account, Listing, Transfer

pytestmark = pytest.mark.django_db

TINY = Size("tiny", ward_columns=2, ward_rows=1, streets=10, people=60, places=10)


def test_demo_time_bank_keeps_the_ledger_whole_and_clears():
    """The demo builds accounts and transfers that keep every invariant, and clears them all."""
    ctx = DemoContext(size=TINY, seed=3, now=timezone.now())
    demo_services.demo_build(ctx, without=frozenset({"timebank"}))
    demo.build(ctx)
    assert Account.objects.count() > 10
    assert Transfer.objects.filter(status="posted").count() > 10
    assert Transfer.objects.filter(status="pending").count() == 1
    assert Listing.objects.exists()
    assert ledger_problems() == []
    demo.clear()
    demo_services.demo_clear()
    assert Account.objects.count() == 0
    assert Transfer.objects.count() == 0
