import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import offline as demo
from coproduce.demo.tests.factories import TINY
from coproduce.offline.models import Act, Consent, OfflineResident, WalkIns

pytestmark = pytest.mark.django_db


def test_demo_registers_offline_residents_with_acts_and_walk_ins_and_clears_them():
    """Residents with no email, consent and a few acts each, walk-ins at past events; clear
    removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"offline"}))
    demo.build(ctx)
    records = OfflineResident.objects.select_related("user")
    assert records.count() >= demo.MIN_RESIDENTS
    assert all(record.user.email is None for record in records)
    assert Consent.objects.count() == records.count()
    assert Act.objects.filter(kind=Act.Kind.RSVP).exists()
    assert Act.objects.exclude(kind__in=[Act.Kind.REGISTERED, Act.Kind.CONSENT]).count() > 0
    demo.clear()
    assert not OfflineResident.objects.exists() and not Act.objects.exists()
    assert not WalkIns.objects.exists()
