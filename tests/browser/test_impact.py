"""In headless Chromium: the public impact pages (borough and ward) and the officers' page
pass axe-core's WCAG 2.2 A and AA rules, with JavaScript on and off; every chart is an image
with a name and has its table; a ward is chosen with the keyboard only.

Run with `.venv/bin/pytest -m browser tests/browser/test_impact.py`.
"""

import pytest
from django.conf import settings

from coproduce.impact.figures import SLUGS
from coproduce.impact.tests.builders import build
from coproduce.insights.tests.factories import officer
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _charts_and_tables(page) -> None:
    for slug in SLUGS:
        section = page.locator(f"#{slug}")
        chart = section.locator('svg[role="img"]')
        assert chart.count() == 1, slug
        assert chart.get_attribute("aria-label"), slug
        assert section.locator("table").count() == 1, slug


@pytest.mark.parametrize("javascript", [True, False])
def test_impact_pages_pass_axe(request, live_server, axe_source, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_javascript")
    built = build(people=6)
    found = []
    page.goto(f"{live_server.url}/impact/")
    _charts_and_tables(page)
    found += _axe(page, axe_source)
    # Choose the ward with the keyboard: open "Choose a ward", then follow its link.
    page.locator("summary", has_text="Choose a ward").focus()
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name=built.ward.name, exact=True)
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert built.ward.name in page.locator("h1").inner_text()
    _charts_and_tables(page)
    found += _axe(page, axe_source)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session_for(officer()),
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/impact/officers/")
    _charts_and_tables(page)
    found += _axe(page, axe_source)
    assert found == []
