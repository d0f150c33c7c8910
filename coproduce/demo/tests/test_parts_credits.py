import pytest

from coproduce.credits.models import Credit
from coproduce.demo import services as demo_services
from coproduce.demo.parts import credits as demo
from coproduce.demo.tests.factories import TINY
from coproduce.timebank.invariants import ledger_problems

pytestmark = pytest.mark.django_db


def test_demo_credits_are_balanced_transfers_and_clear_goes():
    """Credits come through the service (the ledger stays balanced); clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"credits"}))
    demo.build(ctx)
    assert all(credit.transfer.status == "posted" for credit in Credit.objects.all())
    assert not ledger_problems()
    demo.clear()
    assert not Credit.objects.exists()
