"""A shopper's visits in their download, and unlinked from them when they leave."""

import pytest
from django.utils import timezone

from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.shopping import services
from coproduce.shopping.models import Shopper, Visit
from coproduce.shopping.services import Found

from .factories import ShopperFactory, VisitFactory, programme_with_questions

pytestmark = pytest.mark.django_db


def _recorded_visit():
    programme = programme_with_questions()
    shopper = ShopperFactory(programme=programme, supporter_kind="carer", supporter_name="Sam")
    visit = VisitFactory(shopper=shopper)
    answers = {
        q.pk: {"scale": 3, "yes_no": False, "words": "Too noisy."}[q.kind]
        for q in programme.questions.all()
    }
    found = Found(
        answers=answers, done_on=timezone.localdate(), with_supporter=True, supporter_name="Sam"
    )
    services.visit_record(visit=visit, by=shopper.person, found=found, way="online")
    return visit


def test_every_link_to_a_person_is_declared():
    """Every shopping model field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("shopping.")] == []


def test_download_has_the_visits_and_their_words():
    """A shopper's download lists their visits with the words they used."""
    visit = _recorded_visit()
    data = personal_data_gather(visit.shopper.person)
    rows = data["shopping_visits"]
    assert rows[0]["service"] == visit.service.name
    assert "Too noisy." in [answer["words"] for answer in rows[0]["answers"]]
    assert data["shopping_sign_ups"][0]["supporter_name"] == "Sam"


def test_closing_an_account_keeps_visits_in_the_results_without_names():
    """The visit and its answers stay; the shopper and the supporter's name go."""
    visit = _recorded_visit()
    personal_data.account_close(user=visit.shopper.person, remove_comments=False)
    kept = Visit.objects.get(pk=visit.pk)
    assert kept.answers.count() == 3 and kept.supporter_name == ""
    shopper = Shopper.objects.get(pk=visit.shopper_id)
    assert shopper.person is None and shopper.supporter_name == ""
