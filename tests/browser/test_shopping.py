"""Mystery shopping with the keyboard only and without JavaScript: a shopper records a visit
in easy read, one question a page, and every page on the way, with the standard form, the
paper form and a service's results, passes axe-core's WCAG 2.2 A and AA rules."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.shopping.models import Programme, Shopper, Visit

from .axe import axe_violations
from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _tab_to(page, matches: str, limit: int = 200) -> None:
    """Press Tab until the focused element passes the JavaScript test `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({matches})))(document.activeElement)"):
            return
    raise AssertionError(f"could not reach an element where {matches} with the Tab key")


def _due_visit_for_the_resident() -> Visit:
    programme = Programme.objects.get(title="Is it easy to get help?")
    resident = User.objects.get(email=f"resident{DEMO}")
    shopper, _created = Shopper.objects.get_or_create(
        programme=programme,
        person=resident,
        defaults={
            "agreed_at": timezone.now(),
            "supporter_kind": "carer",
            "supporter_name": "Grace",
        },
    )
    return Visit.objects.create(
        programme=programme,
        shopper=shopper,
        service=programme.services.first(),
        how=Visit.How.VISIT,
        due_on=timezone.localdate() + timedelta(days=5),
    )


def test_a_shopper_records_a_visit_in_easy_read_with_the_keyboard_only(
    page_without_javascript, live_server, demo_borough, axe_source
):
    """Enter on the easy-read link, then on each page: Tab to an answer, Space (or typing),
    Tab to Next, Enter; on the last page, Enter on Send it. No page has an axe violation."""
    page = page_without_javascript
    visit = _due_visit_for_the_resident()
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/mystery-shopping/visits/{visit.pk}/")
    problems = axe_violations(page, axe_source, label="visit page")
    _tab_to(page, "el.tagName === 'A' && el.href.endsWith('/easy-read/')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    pages = 0
    while "/check/" not in page.url and pages < 20:
        problems += axe_violations(page, axe_source, label=page.url)
        if page.evaluate("() => Boolean(document.querySelector('textarea'))"):
            _tab_to(page, "el.tagName === 'TEXTAREA'")
            # how much the bus fare was, or what they saw
            page.keyboard.type("2.40" if page.url.endswith("/amount/") else "The sign was small.")
        else:
            _tab_to(page, "el.type === 'radio'")
            page.keyboard.press("Space")
        _tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        pages += 1
    assert "/check/" in page.url
    problems += axe_violations(page, axe_source, label="check page")
    # From the top of the page: past the header's Sign out button to Send it.
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Send it'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.refresh_from_db()
    assert visit.way == "easy_read" and visit.answers.count() == 5
    problems += axe_violations(page, axe_source, label="visit recorded")
    assert not problems, "\n".join(str(p) for p in problems)


def test_shopping_pages_have_no_accessibility_problems(page, live_server, demo_borough, axe_source):
    """The list, a programme, a visit's standard form, the paper form, and for an officer the
    shoppers list, a paper form to type in and a service's results: no WCAG A/AA issues."""
    visit = _due_visit_for_the_resident()
    programme = visit.programme
    problems = []
    sign_in(page, live_server.url, f"resident{DEMO}")
    for path in [
        "/mystery-shopping/",
        f"/mystery-shopping/{programme.pk}/",
        f"/mystery-shopping/visits/{visit.pk}/",
        f"/mystery-shopping/{programme.pk}/paper/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        problems += axe_violations(page, axe_source, label=path)
    page.context.clear_cookies()
    sign_in(page, live_server.url, f"officer{DEMO}")
    for path in [
        f"/mystery-shopping/{programme.pk}/visits/",
        f"/mystery-shopping/visits/{visit.pk}/paper/",
        f"/mystery-shopping/{programme.pk}/services/{visit.service_id}/",
        f"/mystery-shopping/{programme.pk}/questions/",
        "/mystery-shopping/new/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        problems += axe_violations(page, axe_source, label=path)
    assert not problems, "\n".join(str(p) for p in problems)
