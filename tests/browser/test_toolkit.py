"""In headless Chromium: a person works through a course step and its check with the keyboard
only and without JavaScript, sees feedback, and their progress is saved; a visitor reads a
guide and an officer sees a guide's history; every page passes axe-core's WCAG 2.2 A and AA
rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_toolkit.py`.
"""

import pytest
from django.conf import settings

from coproduce.accounts.tests.factories import UserFactory
from coproduce.testing.sessions import session_for
from coproduce.toolkit import services
from coproduce.toolkit.models import Answer
from coproduce.toolkit.tests.factories import guide_editor, make_guide, step_with_options

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


def test_a_course_step_and_its_check_with_the_keyboard_only_and_no_javascript(
    page_without_javascript, live_server, axe_source
):
    """Enter opens the step; sending no answer shows one error summary; Space picks a wrong
    answer, then the right one; feedback shows each time; the course page counts the step."""
    page = page_without_javascript
    person = UserFactory()
    first = step_with_options(number=1, title="Go to people")
    step_with_options(course=first.course, number=2, title="Keep it going")
    course = first.course
    _sign_in(page, live_server.url, person)
    found = []
    page.goto(f"{live_server.url}/toolkit/courses/{course.slug}/")
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("link", name="Start the course"))
    assert page.get_by_role("heading", name="Go to people").count() == 1
    _press_enter_on(page, page.get_by_role("button", name="Check my answer"))
    assert page.locator(".govuk-error-summary").count() == 1
    assert "Choose an answer" in page.locator(".govuk-error-summary").inner_text()
    found += _axe(page, axe_source)
    page.get_by_role("radio", name="Only in the town hall").focus()
    page.keyboard.press("Space")
    _press_enter_on(page, page.get_by_role("button", name="Check my answer"))
    assert "Not quite" in page.locator("#feedback").inner_text()
    found += _axe(page, axe_source)
    page.get_by_role("radio", name="Where they are").focus()
    page.keyboard.press("Space")
    _press_enter_on(page, page.get_by_role("button", name="Check my answer"))
    assert "Right" in page.locator("#feedback").inner_text()
    found += _axe(page, axe_source)
    assert Answer.objects.get(user=person).done_at is not None
    _press_enter_on(page, page.get_by_role("link", name="Back to the course"))
    assert "You have done 1 of 2 steps." in page.content()
    assert page.get_by_role("link", name="Carry on").count() == 1
    found += _axe(page, axe_source)
    assert found == []


def test_guide_pages_pass_axe_with_javascript(page, live_server, axe_source):
    """A guide, the toolkit's home, and an officer's history, version and compare pages."""
    editor = guide_editor()
    guide = make_guide(by=editor, body="Sit in a ring.\n\n- Make tea.\n1. Ask.")
    services.guide_update(
        guide=guide,
        by=editor,
        title=guide.title,
        summary=guide.summary,
        body="Sit in a big ring.\n\n- Make tea.\n1. Ask.",
        note="Bigger ring",
    )
    found = []
    page.goto(f"{live_server.url}/toolkit/")
    found += _axe(page, axe_source)
    page.goto(f"{live_server.url}/toolkit/guides/{guide.slug}/")
    found += _axe(page, axe_source)
    _sign_in(page, live_server.url, editor)
    base = f"{live_server.url}/toolkit/guides/{guide.slug}"
    for path in ("/edit/", "/history/", "/history/1/", "/history/compare/?from=1&to=2"):
        page.goto(base + path)
        found += _axe(page, axe_source)
    assert found == []
