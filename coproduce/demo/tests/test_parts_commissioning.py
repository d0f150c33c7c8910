import dataclasses

import pytest

from coproduce.commissioning.models import GuardianConsent, Member, Panel, Score
from coproduce.demo import services as demo_services
from coproduce.demo.parts import commissioning as demo
from coproduce.demo.tests.factories import TINY
from coproduce.messaging.models import ContactProtection

pytestmark = pytest.mark.django_db


def test_demo_makes_a_decided_youth_panel_and_clears_it():
    """Three bids, young members with consent under 16 and protection under 18, sealed
    scores all submitted, a safe adult at the meeting, and the outcome; clear removes it."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"commissioning"}))
    demo.build(dataclasses.replace(ctx, size=TINY))
    panel = Panel.objects.get(title=demo.PANEL["title"])
    assert panel.status == Panel.Status.DECIDED and panel.is_youth
    assert panel.bids.count() == 3 and sum(c.weight for c in panel.criteria.all()) == 100
    assert GuardianConsent.objects.filter(member__panel=panel).exists()
    assert ContactProtection.objects.exists()
    assert not Member.objects.filter(panel=panel, submitted_at__isnull=True).exists()
    assert panel.meetings.get().safe_adult_name
    demo.clear()
    assert not Panel.objects.exists() and not Score.objects.exists()
    assert not ContactProtection.objects.exists()
