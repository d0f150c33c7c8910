"""In headless Chromium: a resident answers the easy-read survey with the keyboard only and
without JavaScript, and every survey page passes axe-core's WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser coproduce/surveys/tests/test_browser.py`.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Response
from coproduce.testing.sessions import session_for

from .factories import full_survey

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _browser_page(*, javascript: bool):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium was not found at {CHROMIUM}.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="en-GB", java_script_enabled=javascript)
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.fixture
def page_without_javascript():
    yield from _browser_page(javascript=False)


@pytest.fixture
def browser_page():
    yield from _browser_page(javascript=True)


def _sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page) -> list[str]:
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22a','wcag22aa']}})"
    )
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def _send(page, button_name: str) -> None:
    page.get_by_role("button", name=button_name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_easy_read_answered_with_the_keyboard_only(page_without_javascript, live_server):
    """Tab, space, arrow keys and typing alone answer the easy-read survey, with JavaScript
    off; a ranking with a number used twice shows one error summary first."""
    page = page_without_javascript
    survey = full_survey()
    person = UserFactory()
    _sign_in(page, live_server.url, person)
    page.goto(f"{live_server.url}/surveys/{survey.pk}/easy-read/")
    questions = list(survey.questions.all())
    one, several, rank, scale, _text = questions
    page.focus(f"#id_q{one.pk}")
    page.keyboard.press("Space")
    page.focus(f"#id_q{several.pk}")
    page.keyboard.press("Space")
    for number, option in enumerate(rank.options.all(), start=1):
        page.focus(f"#id_q{rank.pk}_o{option.pk}")
        page.keyboard.type("1" if number < 3 else str(number))  # 1 twice: an error
    page.focus(f"#id_q{scale.pk}")
    page.keyboard.press("Space")
    _send(page, "Send my answers")
    assert page.locator(".govuk-error-summary").count() == 1
    assert "Use each number once" in page.locator(".govuk-error-summary").inner_text()
    for number, option in enumerate(rank.options.all(), start=1):
        page.focus(f"#id_q{rank.pk}_o{option.pk}")
        page.keyboard.type(str(number))
    _send(page, "Send my answers")
    assert Response.objects.filter(survey=survey, respondent=person, way="easy_read").exists()


def test_survey_pages_pass_axe(browser_page, live_server):
    """The list, survey, easy-read, results, paper and paper-entry pages have no WCAG 2.2 A or
    AA violations that axe-core finds."""
    page = browser_page
    survey = full_survey()
    owner = survey.owner
    owner.user_permissions.add(Permission.objects.get(codename="manage_any_survey"))
    UserFactory(roles=[Role.OFFICER])
    _sign_in(page, live_server.url, owner)
    found = []
    for path in [
        "",
        f"{survey.pk}/",
        f"{survey.pk}/easy-read/",
        f"{survey.pk}/results/",
        f"{survey.pk}/paper/",
        f"{survey.pk}/paper/enter/",
        "new/",
        f"{survey.pk}/edit/",
    ]:
        page.goto(f"{live_server.url}/surveys/{path}")
        found += [f"/surveys/{path} {v}" for v in _axe(page)]
    page.goto(f"{live_server.url}/surveys/{survey.pk}/")
    page.locator("main form button[type=submit]").last.click()  # send an empty form
    found += [f"errors {v}" for v in _axe(page)]
    assert found == []
