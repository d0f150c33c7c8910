import dataclasses

import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import surveys as demo
from coproduce.demo.tests.factories import TINY
from coproduce.surveys.models import Answer, Response, Survey

pytestmark = pytest.mark.django_db


def test_demo_makes_a_survey_with_easy_read_and_a_poll_and_clears_them():
    """The parks survey (every question in easy read, answers online, easy read and on
    paper) and the library poll; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"surveys"}))
    demo.build(dataclasses.replace(ctx, size=dataclasses.replace(TINY, people=3_000)))
    parks = Survey.objects.get(title=demo.PARKS["title"])
    assert all(q.easy_read_text and q.picture for q in parks.questions.all())
    assert set(parks.responses.values_list("way", flat=True)) == {"online", "easy_read", "paper"}
    assert Survey.objects.filter(is_poll=True).count() == 1
    assert Answer.objects.exists()
    demo.clear()
    assert not Survey.objects.exists() and not Response.objects.exists()
