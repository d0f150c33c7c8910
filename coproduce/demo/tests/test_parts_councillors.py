import pytest

from coproduce.councillors.models import Question, Seat, Surgery
from coproduce.demo import services as demo_services
from coproduce.demo.parts import councillors as demo
from coproduce.demo.tests.factories import TINY
from coproduce.gatherings.models import Event

pytestmark = pytest.mark.django_db


def test_demo_councillors_accept_hold_surgeries_answer_and_clear_goes():
    """Each ward with residents has accepted councillors, a surgery and questions; clear
    removes them and the surgeries' events."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"councillors"}))
    demo.build(ctx)
    assert Seat.objects.exists()
    assert not Seat.objects.exclude(status=Seat.Status.ACCEPTED).exists()
    assert Surgery.objects.exists()
    assert Question.objects.filter(answered_at__isnull=False).exists()
    events = list(Surgery.objects.values_list("event_id", flat=True))
    demo.clear()
    assert not Seat.objects.exists() and not Question.objects.exists()
    assert not Event.objects.filter(pk__in=events).exists()
