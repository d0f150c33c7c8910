from decimal import Decimal

import pytest
from django.urls import reverse

from coproduce.common.easy_read import EASY_READ_AGE
from coproduce.common.plain_language import reading_age
from coproduce.shopping.easy_read import wizard_for

from .factories import ShopperFactory, VisitFactory, programme_with_questions

pytestmark = pytest.mark.django_db


def test_each_easy_read_page_is_for_a_reading_age_of_7_or_below():
    """Each page's words (the question, its hint and its choices, read in turn) read at
    age 7 or below. The questions' own easy-read words are the officer's; these are ours."""
    wizard = wizard_for(programme_with_questions(expenses_limit=Decimal("5")))
    for step in wizard.steps:
        page = " ".join(
            [str(step.question), str(step.hint)] + [f"{choice.label}." for choice in step.choices]
        )
        assert (reading_age(page) or 0) <= EASY_READ_AGE, page


def test_a_visit_is_recorded_one_question_a_page(client):
    """Each page posts one answer; the check page sends them as easy read."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(visit.shopper.person)
    start = client.get(reverse("shopping:easy_start", args=[visit.pk]))
    assert start.status_code == 302
    answers = {"day": "today", "helped": "yes", "helper": "Sam"}
    for question in programme.questions.all():
        answers[f"q{question.pk}"] = {"scale": "5", "yes_no": "yes", "words": "Nice."}[
            question.kind
        ]
    url = start["Location"]
    pages = 0
    while "/check/" not in url:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        page = client.get(url)
        assert page.status_code == 200
        response = client.post(url, {"answer": answers[name]})
        assert response.status_code == 302, response.text
        url = response["Location"]
        pages += 1
    assert pages == len(answers)
    check = client.get(url)
    assert check.status_code == 200 and "Sam" in check.text
    assert client.post(url).status_code == 302
    visit.refresh_from_db()
    assert visit.way == "easy_read" and visit.supporter_name == "Sam"
    assert visit.answers.get(question__kind="scale").number == 5


def test_an_easy_read_page_with_no_answer_shows_an_error(client):
    """Posting nothing is a 400 with the easy-read error."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(visit.shopper.person)
    response = client.post(reverse("shopping:easy_step", args=[visit.pk, "day"]), {})
    assert response.status_code == 400
    assert "Pick one." in response.text
