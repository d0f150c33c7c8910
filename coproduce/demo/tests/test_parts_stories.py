import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import stories as demo
from coproduce.demo.tests.factories import TINY
from coproduce.stories.models import Story

pytestmark = pytest.mark.django_db


def test_demo_stories_span_the_borough_some_wait_and_clear_goes():
    """Stories are told in several wards, most published and some waiting for a moderator;
    published ones have consent and a date; clear removes them all."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"stories"}))
    demo.build(ctx)
    assert Story.objects.count() == ctx.counts["stories"] >= 24
    assert Story.objects.filter(status=Story.Status.WAITING).exists()
    published = Story.objects.filter(status=Story.Status.PUBLISHED)
    assert published.count() > Story.objects.count() // 2
    assert not published.filter(consent_given_at=None).exists()
    assert not published.filter(published_at=None).exists()
    assert Story.objects.values("ward").distinct().count() > 1
    assert Story.objects.filter(projects__isnull=False).exists()
    demo.clear()
    assert not Story.objects.exists()
