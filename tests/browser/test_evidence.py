"""In headless Chromium with JavaScript off: a project's owner attaches documents and
records an outcome with the keyboard; an HTML file is refused with one error summary; a
document only ever downloads; an officer sees the measures; every page passes axe-core's
WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_evidence.py`.
"""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Document, Measure, OutcomeRecord
from coproduce.projects.tests.factories import owned_project
from coproduce.testing.sessions import session_for

from .axe import axe_violations
from .conftest import fill_date

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _press_enter_on(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _type_into(page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_evidence_with_the_keyboard_and_no_javascript(
    page_without_javascript, live_server, axe_source, tmp_path
):
    """Refused HTML shows one error summary; a CSV is added and downloads as an attachment;
    a figure is recorded and shows on the project page and in its history."""
    page = page_without_javascript
    base = live_server.url
    # The migration adds the starting measures, but browser tests empty the tables between
    # them, so this test makes the one it uses.
    Measure.objects.get_or_create(
        name="Hours given", defaults={"kind": "number", "unit": "hours", "position": 1}
    )
    owner = UserFactory()
    project = owned_project(owner=owner, status="active", title="Canal orchard")
    _sign_in(page, base, owner)
    found = []

    page.goto(f"{base}/projects/{project.pk}/")
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("link", name="Add a document"))
    found += _axe(page, axe_source)

    risky = tmp_path / "plan.pdf.html"
    risky.write_text("<html><body><script>alert(1)</script></body></html>")
    page.get_by_label("File").set_input_files(str(risky))
    _type_into(page, "Title", "Our plan")
    _press_enter_on(page, page.get_by_role("button", name="Add the document"))
    assert page.locator(".govuk-error-summary").count() == 1
    assert "must be a PDF" in page.locator(".govuk-error-summary").inner_text()
    assert not Document.objects.exists()
    found += _axe(page, axe_source)

    good = tmp_path / "figures.csv"
    good.write_text("month,people\nJanuary,12\n")
    page.get_by_label("File").set_input_files(str(good))
    page.get_by_label("Title", exact=True).fill("")
    _type_into(page, "Title", "Monthly figures")
    _press_enter_on(page, page.get_by_role("button", name="Add the document"))
    assert page.get_by_role("link", name="Monthly figures").count() == 1
    found += _axe(page, axe_source)

    link = page.get_by_role("link", name="Monthly figures")
    response = page.request.get(base + link.get_attribute("href"))
    assert response.headers["content-disposition"] == 'attachment; filename="figures.csv"'
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]

    _press_enter_on(page, page.get_by_role("link", name="Record an outcome"))
    found += _axe(page, axe_source)
    page.get_by_label("What are you recording?").focus()
    page.get_by_label("What are you recording?").select_option(label="Hours given (hours)")
    _type_into(page, "Figure", "36")
    today = timezone.localdate()
    fill_date(page, "Start of the period", today - datetime.timedelta(days=30))
    fill_date(page, "End of the period", today - datetime.timedelta(days=1))
    _press_enter_on(page, page.get_by_role("button", name="Record the figure"))
    assert OutcomeRecord.objects.get().recorded_by == owner
    assert "36 hours" in page.content()
    found += _axe(page, axe_source)

    page.goto(f"{base}/projects/{project.pk}/")
    assert "36 hours" in page.content()
    found += _axe(page, axe_source)
    page.goto(f"{base}/projects/{project.pk}/pack/")
    assert page.get_by_role("link", name="Monthly figures").count() == 1
    found += _axe(page, axe_source)

    _sign_in(page, base, UserFactory(roles=[Role.OFFICER]))
    page.goto(f"{base}/projects/outcome-measures/")
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("link", name="Add a measure"))
    found += _axe(page, axe_source)
    assert found == []
