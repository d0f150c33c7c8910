"""Every page reachable from the demo data, as a visitor and as each role, has no WCAG 2.2
A or AA violation that axe-core can find, answers without error, and has one h1 and a title."""

from collections import Counter
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import expect

from coproduce.accounts.tests.factories import PASSWORD, UserFactory

from .axe import axe_violations
from .conftest import sign_in

ROLES = [None, "resident", "organiser", "officer", "moderator", "administrator"]
# The Django admin is Django's own interface, tested by Django; sign-out is a form, not a page.
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/account/sign-out/")
DATA_FILES = (".csv", ".geojson", ".json", ".pdf", ".ics", ".atom")
# Machine-readable answers (JSON) under these, apart from the API's own page for people.
MACHINE_PREFIXES = ("/api/v1/", "/open-referral/", "/openactive/")
MACHINE_PAGES_FOR_PEOPLE = ("/api/v1/", "/api/v1/reference/")
PAGES_PER_ROUTE = 2  # pages built from one template differ only in data
MAX_PAGES = 120


def _route(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return path
    return match.view_name


def crawl(page, base_url: str, axe_source: str, *, label: str):
    """Visit every page linked from the home page, breadth first; return what went wrong."""
    queue, seen, per_route = ["/"], set(), Counter()
    problems, violations = [], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        route = _route(path)
        if path in seen or per_route[route] >= PAGES_PER_ROUTE:
            continue
        seen.add(path)
        per_route[route] += 1
        response = page.goto(base_url + path)
        where = f"{label} {path}"
        if response is None or response.status >= 400:
            problems.append(f"{where}: HTTP {response.status if response else 'no response'}")
            continue
        if page.locator("h1").count() != 1:
            problems.append(f"{where}: has {page.locator('h1').count()} h1 headings, not 1")
        if not page.title().strip():
            problems.append(f"{where}: has no title")
        violations += axe_violations(page, axe_source, label=where)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(urljoin(base_url + path, href))
            if f"{parts.scheme}://{parts.netloc}" != base_url:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.endswith(DATA_FILES):
                continue  # downloads (CSV, GeoJSON, JSON) are not pages
            if parts.path.startswith(MACHINE_PREFIXES) and target not in MACHINE_PAGES_FOR_PEOPLE:
                continue
            if not target.startswith(SKIP_PREFIXES) and target not in seen:
                queue.append(target)
    return seen, problems, violations


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "visitor")
def test_every_page_is_accessible(page, live_server, axe_source, demo_borough, role):
    """Every reachable page passes axe-core's WCAG 2.2 A and AA rules and opens without error."""
    if role:
        sign_in(page, live_server.url, f"{role}@demo.northbrook.invalid")
        assert "/account/sign-in/" not in page.url, f"could not sign in as {role}"
    seen, problems, violations = crawl(page, live_server.url, axe_source, label=role or "visitor")
    assert len(seen) >= 5, f"only {len(seen)} pages were reachable: {sorted(seen)}"
    assert not problems, "\n".join(problems)
    assert not violations, "\n".join(str(v) for v in violations)


def test_form_error_states_are_accessible(page, live_server, axe_source, demo_borough):
    """Pages showing form errors, and the lockout page, pass axe-core too."""
    found = []
    page.goto(f"{live_server.url}/account/sign-up/")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    found += axe_violations(page, axe_source, label="sign-up errors")
    for attempt in range(6):
        sign_in(page, live_server.url, "resident@demo.northbrook.invalid", f"wrong {attempt}")
    assert "Too many tries" in page.content()
    found += axe_violations(page, axe_source, label="locked out")
    assert not found, "\n".join(str(v) for v in found)


def test_previews_and_first_visit_pages_are_accessible(page, live_server, axe_source, demo_borough):
    """Profile previews, and the pages someone new sees before the first POST, pass axe-core."""
    found = []
    sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
    for relation in ("visitor", "member", "organiser"):
        page.goto(f"{live_server.url}/people/me/as/{relation}/")
        assert page.locator("h1").count() == 1
        found += axe_violations(page, axe_source, label=f"preview as {relation}")
    newcomer = UserFactory(email="newcomer@demo.northbrook.invalid")
    page.context.clear_cookies()
    sign_in(page, live_server.url, newcomer.email, PASSWORD)
    for path in ("/time-bank/", "/gatherings/calendar/"):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        found += axe_violations(page, axe_source, label=f"first visit {path}")
    assert not found, "\n".join(str(v) for v in found)
