"""You said, we did, with the keyboard only and without JavaScript: an administrator records
the council's response to a closed survey and asks the demo officer to own it; the officer
accepts and marks it done; a visitor sees it on the ward's page. Every page passes axe-core's
WCAG 2.2 A and AA rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.surveys.models import Survey
from coproduce.yousaid.models import CouncilResponse

from .axe import axe_violations
from .conftest import sign_in

pytestmark = pytest.mark.browser
DEMO = "@demo.northbrook.invalid"
SURVEY = "What should the library offer young people?"


def _tab_to(page, matches: str, limit: int = 200) -> None:
    """Press Tab until the focused element passes the JavaScript test `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({matches})))(document.activeElement)"):
            return
    raise AssertionError(f"could not reach an element where {matches} with the Tab key")


def _type_into(page, name: str, text: str) -> None:
    _tab_to(page, f"el.name === '{name}'")
    page.keyboard.type(text)


def _press_button(page, text: str) -> None:
    _tab_to(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === '{text}'")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _as(page, live_server, who: str) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server.url, f"{who}{DEMO}")


def test_an_officer_owns_and_completes_a_response_with_the_keyboard(
    page_without_javascript, live_server, demo_borough
):
    """Record, ask, accept, mark done: all with Tab, typing, arrows and Enter."""
    page = page_without_javascript
    survey = Survey.objects.get(title=SURVEY)
    due = timezone.localdate() + timedelta(days=14)

    _as(page, live_server, "administrator")
    page.goto(f"{live_server.url}/you-said-we-did/new/survey/{survey.pk}/")
    _type_into(page, "heard", "You asked for a homework club on Saturdays.")
    _type_into(page, "will_change", "The library will run a homework club on Saturday mornings.")
    _type_into(page, "due_on-day", str(due.day))
    _type_into(page, "due_on-month", str(due.month))
    _type_into(page, "due_on-year", str(due.year))
    _tab_to(page, "el.name === 'owner'")
    page.keyboard.type("Demo Officer")
    _press_button(page, "Record the response")
    response = CouncilResponse.objects.get(will_change__startswith="The library will run")
    assert response.owner is None and response.owner_invited.email == f"officer{DEMO}"

    _as(page, live_server, "officer")
    page.goto(f"{live_server.url}/you-said-we-did/{response.pk}/")
    _press_button(page, "Yes, I will own it")
    response.refresh_from_db()
    assert response.owner.email == f"officer{DEMO}"

    _tab_to(page, "el.tagName === 'A' && el.textContent.trim() === 'Update this response'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "el.name === 'status'")
    page.keyboard.press("ArrowDown")  # planned -> in progress
    page.keyboard.press("ArrowDown")  # -> done
    _type_into(page, "did_change", "The homework club started on Saturday.")
    _press_button(page, "Save changes")
    response.refresh_from_db()
    assert response.status == CouncilResponse.Status.DONE

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/wards/{survey.ward.slug}/")
    assert page.get_by_text("The library will run a homework club").count() >= 1


def test_you_said_we_did_pages_have_no_accessibility_problems(
    page, live_server, demo_borough, axe_source
):
    """Lists, a response with its history, and the officers' forms: no WCAG A/AA issues."""
    survey = Survey.objects.get(title=SURVEY)
    response = CouncilResponse.objects.filter(source="survey", item_id=survey.pk).first()
    problems = []
    public = [
        "/you-said-we-did/",
        "/you-said-we-did/?status=overdue",
        f"/you-said-we-did/wards/{survey.ward.slug}/",
        f"/you-said-we-did/{response.pk}/",
        f"/surveys/{survey.pk}/results/",
    ]
    staff = [
        f"/you-said-we-did/new/survey/{survey.pk}/",
        f"/you-said-we-did/{response.pk}/update/",
        f"/you-said-we-did/{response.pk}/owner/",
    ]
    for path in public:
        answer = page.goto(f"{live_server.url}{path}")
        assert answer.status == 200, path
        problems += axe_violations(page, axe_source, label=path)
    sign_in(page, live_server.url, f"officer{DEMO}")
    for path in staff:
        answer = page.goto(f"{live_server.url}{path}")
        assert answer.status == 200, path
        problems += axe_violations(page, axe_source, label=path)
    assert not problems, "\n".join(str(p) for p in problems)
