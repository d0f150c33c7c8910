"""In headless Chromium: a visitor gives easy-read feedback with the keyboard only and
without JavaScript; "Read this to me" appears only with JavaScript; the owner answers; and
every feedback page passes axe-core's WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_feedback.py`.
"""

import pytest
from django.conf import settings

from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback.models import Feedback
from coproduce.feedback.tests.factories import FeedbackFactory
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _press_enter_on(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _next(page) -> None:
    _press_enter_on(page, page.get_by_role("button", name="Next"))


def test_easy_read_feedback_with_the_keyboard_only_and_no_javascript(
    page_without_javascript, live_server, axe_source
):
    """Space picks a choice, typing fills a box, Enter moves on; an empty page shows one
    error summary; Back and Change work; no "Read this to me" without JavaScript."""
    page = page_without_javascript
    service = ServiceFactory()
    base = f"{live_server.url}/feedback/service/{service.uuid}"
    found = []
    page.goto(f"{base}/easy-read/")
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("button", name="Start"))
    assert page.get_by_role("button", name="Read this to me").count() == 0
    _next(page)  # nothing chosen
    assert page.locator(".govuk-error-summary").count() == 1
    assert "Pick one." in page.locator(".govuk-error-summary").inner_text()
    found += _axe(page, axe_source)
    page.get_by_role("radio", name="Good", exact=True).focus()
    page.keyboard.press("Space")
    found += _axe(page, axe_source)
    _next(page)
    page.get_by_label("What was good?").focus()
    page.keyboard.type("The staff smiled")
    found += _axe(page, axe_source)
    _next(page)
    _press_enter_on(page, page.get_by_role("link", name="Back", exact=True))
    assert page.get_by_label("What was good?").input_value() == "The staff smiled"
    _next(page)
    _next(page)  # what could be better: skipped
    page.get_by_role("radio", name="Yes, by email").focus()
    page.keyboard.press("Space")
    _next(page)
    page.get_by_label("What is your email?").focus()
    page.keyboard.type("sam@example.org")
    found += _axe(page, axe_source)
    _next(page)
    page.get_by_role("radio", name="Yes", exact=True).focus()
    page.keyboard.press("Space")
    _next(page)
    assert "Check your words" in page.locator("h1").inner_text()
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("link", name="Change How did it go?"))
    page.get_by_role("radio", name="Great", exact=True).focus()
    page.keyboard.press("Space")
    _next(page)
    assert "Great" in page.locator(".govuk-summary-list").inner_text()
    _press_enter_on(page, page.get_by_role("button", name="Send it"))
    found += _axe(page, axe_source)
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.via, feedback.went_well) == (
        5,
        "easy_read",
        "The staff smiled",
    )
    assert (feedback.contact_by, feedback.contact_email) == ("email", "sam@example.org")
    assert feedback.words_public and feedback.person is None
    assert found == []


def test_read_this_to_me_appears_with_javascript(page, live_server, axe_source):
    """Where the browser can speak, the button is there and the page still passes axe."""
    service = ServiceFactory()
    page.goto(f"{live_server.url}/feedback/service/{service.uuid}/easy-read/rating/")
    can_speak = page.evaluate("() => 'speechSynthesis' in window")
    assert page.get_by_role("button", name="Read this to me").count() == (1 if can_speak else 0)
    assert _axe(page, axe_source) == []


def test_owner_answers_in_public_and_pages_pass_axe(page, live_server, axe_source):
    """The organiser finds the feedback, answers it in public, and the answer is shown with
    the person's words; the service page, forms and lists pass axe."""
    service = ServiceFactory()
    FeedbackFactory.create_batch(4, service=service, rating=4)
    FeedbackFactory(
        service=service, rating=2, went_well="Kind", could_be_better="Cold room", words_public=True
    )
    owner = OrganiserFactory(organisation=service.organisation).user
    found = []
    page.goto(f"{live_server.url}/services/{service.uuid}/")
    assert "How it went: 5 responses" in page.content()
    found += _axe(page, axe_source)
    page.goto(f"{live_server.url}/feedback/service/{service.uuid}/give/")
    found += _axe(page, axe_source)
    _sign_in(page, live_server.url, owner)
    page.goto(f"{live_server.url}/feedback/service/{service.uuid}/manage/?rating=2")
    found += _axe(page, axe_source)
    page.get_by_role("link", name="Answer").first.click()
    page.wait_for_load_state()
    found += _axe(page, axe_source)
    page.get_by_label("Your answer").fill("We have fixed the heating.")
    page.get_by_label("Everyone: show it on the service's feedback page").check()
    page.get_by_role("button", name="Save answer").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/feedback/service/{service.uuid}/")
    text = page.locator("main").inner_text()
    assert "We have fixed the heating." in text and "Cold room" in text
    found += _axe(page, axe_source)
    assert found == []
