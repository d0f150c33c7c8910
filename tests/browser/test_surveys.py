"""In headless Chromium: a resident answers the easy-read survey with the keyboard only and
without JavaScript, and every survey page passes axe-core's WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_surveys.py`.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.models import Response
from coproduce.surveys.tests.factories import full_survey
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


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


def test_survey_pages_pass_axe(page, live_server, axe_source):
    """The list, survey, easy-read, results, paper and paper-entry pages have no WCAG 2.2 A or
    AA violations that axe-core finds."""
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
        found += [f"/surveys/{path} {v}" for v in _axe(page, axe_source)]
    page.goto(f"{live_server.url}/surveys/{survey.pk}/")
    page.locator("main form button[type=submit]").last.click()  # send an empty form
    found += [f"errors {v}" for v in _axe(page, axe_source)]
    assert found == []
