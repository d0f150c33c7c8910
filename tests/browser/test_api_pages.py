"""In headless Chromium: the API's page for people passes axe-core's WCAG 2.2 A and AA rules
and its links lead to the description and a list; the Swagger page runs under the site's
Content Security Policy (no inline script, nothing from another site) and lists every
operation.

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


def test_swagger_runs_under_the_content_security_policy(page, live_server):
    blocked, outside = [], []

    def note_blocked(message) -> None:
        if "Content Security Policy" in message.text:
            blocked.append(message.text)

    def note_outside(request) -> None:
        if not request.url.startswith((live_server.url, "data:")):
            outside.append(request.url)

    page.on("console", note_blocked)
    page.on("request", note_outside)
    response = page.goto(f"{live_server.url}/api/v1/docs/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 16  # a list and a one-item answer per kind
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert blocked == []
    assert outside == []
