import pytest
from django.utils import timezone

from coproduce.demo import services as demo_services
from coproduce.demo.parts import yousaid as demo
from coproduce.demo.tests.factories import TINY
from coproduce.surveys.models import Survey
from coproduce.yousaid.models import CouncilResponse

pytestmark = pytest.mark.django_db


def test_demo_responses_are_some_done_some_overdue_and_clear_goes():
    """Responses to closed surveys and a conversation, owned, with history; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"yousaid"}))
    surveys_before = Survey.objects.count()
    demo.build(ctx)
    responses = list(CouncilResponse.objects.all())
    assert len(responses) == 8
    assert all(r.owner_id and r.ward_id for r in responses)
    assert any(r.status == CouncilResponse.Status.DONE for r in responses)
    assert any(r.is_overdue(timezone.localdate()) for r in responses)
    assert {r.source for r in responses} == {"survey", "conversation"}
    demo.clear()
    assert not CouncilResponse.objects.exists()
    assert Survey.objects.count() == surveys_before
