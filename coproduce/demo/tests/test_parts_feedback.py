import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import feedback as demo
from coproduce.demo.tests.factories import TINY
from coproduce.feedback.models import Feedback

pytestmark = pytest.mark.django_db


def test_demo_feedback_spans_a_year_with_answers_and_clear_goes():
    """One response per resident, over a year, some answered in public; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"feedback"}))
    demo.build(ctx)
    assert Feedback.objects.count() == TINY.people
    assert Feedback.objects.filter(answered_at__isnull=False, answer_is_public=True).exists()
    assert Feedback.objects.filter(via=Feedback.Via.EASY_READ).exists()
    assert not Feedback.objects.filter(person__isnull=True, show_name=True).exists()
    oldest = Feedback.objects.order_by("created_at").first().created_at
    assert (ctx.now - oldest).days > 200
    demo.clear()
    assert not Feedback.objects.exists()
