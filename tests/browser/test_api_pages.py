"""In headless Chromium: the API's page for people and its reference pass axe-core's WCAG 2.2
A and AA rules, and their links lead to the description, a list and each answer's shape.

Run with `.venv/bin/pytest -m browser tests/browser/test_api_pages.py`.
"""

import pytest

from coproduce.projects.tests.factories import ProjectFactory

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_page_for_people_is_accessible_and_its_links_work(page, live_server, axe_source):
    ProjectFactory(title="Community fridge")
    base = live_server.url
    page.goto(f"{base}/api/v1/")
    assert page.locator("h1").count() == 1
    assert [str(v) for v in axe_violations(page, axe_source, label="/api/v1/")] == []

    with page.expect_response(lambda r: r.url.endswith("/api/v1/openapi.json")) as info:
        page.get_by_role("link", name="The OpenAPI description (JSON)").click()
    assert info.value.status == 200
    assert info.value.json()["openapi"].startswith("3.1")

    page.goto(f"{base}/api/v1/")
    with page.expect_response(lambda r: "/api/v1/projects/" in r.url) as info:
        page.get_by_role("link", name="Projects and ideas").click()
    assert info.value.status == 200
    assert "Community fridge" in [item["title"] for item in info.value.json()["results"]]


def test_the_reference_is_accessible_and_its_links_go_somewhere(page, live_server, axe_source):
    page.goto(f"{live_server.url}/api/v1/")
    page.get_by_role(
        "link", name="The reference: every list, what it takes and what it gives"
    ).click()
    assert page.locator("h1").inner_text() == "API reference"
    assert [str(v) for v in axe_violations(page, axe_source, label="/api/v1/reference/")] == []
    # Every link within the page lands on something with that id.
    targets = page.eval_on_selector_all(
        "a[href^='#']", "links => links.map(a => a.getAttribute('href').slice(1))"
    )
    assert targets
    missing = [t for t in set(targets) if page.locator(f"[id='{t}']").count() != 1]
    assert missing == []


def test_an_officer_makes_a_token_sees_it_once_and_revokes_it(page, live_server, axe_source):
    """The tokens page passes axe, shows a new token once, and revokes it."""
    from django.conf import settings

    from coproduce.accounts.roles import Role
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.staff.models import ApiToken
    from coproduce.testing.sessions import session_for

    officer = UserFactory(roles=[Role.OFFICER])
    base = live_server.url
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(officer), "url": base}]
    )
    page.goto(f"{base}/staff/api-tokens/")
    assert [str(v) for v in axe_violations(page, axe_source, label="/staff/api-tokens/")] == []
    page.get_by_label("Name").fill("Events system")
    page.get_by_role("button", name="Make the token").click()
    token = page.locator("#new-token").inner_text()
    assert token.startswith("cpt_")
    assert [str(v) for v in axe_violations(page, axe_source, label="new token")] == []
    page.goto(f"{base}/staff/api-tokens/")
    assert token not in page.content()
    page.get_by_role("button", name="Revoke Events system").click()
    assert page.get_by_text("The token Events system no longer works.").count() == 1
    assert ApiToken.objects.get().revoked_at is not None
