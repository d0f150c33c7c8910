"""Street conversations in headless Chromium: the facilitator loses the connection, writes
down two things people said (kept on the phone, with a count of those waiting), comes back
online, and each entry arrives exactly once. Without JavaScript the same form posts as
usual. Every page passes axe-core's WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_streettalk.py`.
"""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from coproduce.streettalk.models import StreetEntry
from coproduce.streettalk.tests.factories import StreetDayFactory, StreetEntryFactory, ThemeFactory
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "The market needs cheaper fruit and veg"
SECOND = "A community fridge by the library, please"


def sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _write(page, words: str) -> None:
    page.get_by_label("What they said").fill(words)
    page.get_by_role("button", name="Save and write the next").click()


def test_entries_made_offline_arrive_once_each(page, live_server, axe_source):
    day = StreetDayFactory()
    sign_in(page, live_server.url, day.facilitator)
    page.goto(f"{live_server.url}/street-conversations/days/{day.pk}/capture/")
    waiting = page.locator("#streettalk-waiting")
    waiting.wait_for(state="visible")
    found = _axe(page, axe_source)
    page.context.set_offline(True)
    _write(page, FIRST)
    page.get_by_label("Where (optional)").fill("Market square")
    _write(page, SECOND)
    expect(waiting).to_have_attribute("data-waiting", "2")
    assert "2 entries are waiting to be sent" in waiting.inner_text()
    assert StreetEntry.objects.filter(day=day).count() == 0
    found += _axe(page, axe_source)
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(waiting).to_have_attribute("data-waiting", "0")
    assert "Every entry is sent" in waiting.inner_text()
    # A reload sends nothing again: nothing waits on the phone.
    page.reload()
    waiting = page.locator("#streettalk-waiting")
    expect(waiting).to_have_attribute("data-waiting", "0")
    entries = StreetEntry.objects.filter(day=day)
    assert sorted(entries.values_list("said", flat=True)) == sorted([FIRST, SECOND])
    assert entries.get(said=SECOND).place == "Market square"
    assert entries.values("uuid").distinct().count() == 2
    assert found == []


def test_without_javascript_the_form_posts(page_without_javascript, live_server, axe_source):
    page = page_without_javascript
    day = StreetDayFactory()
    sign_in(page, live_server.url, day.facilitator)
    page.goto(f"{live_server.url}/street-conversations/days/{day.pk}/capture/")
    found = _axe(page, axe_source)
    _write(page, FIRST)
    page.wait_for_url(f"**/days/{day.pk}/capture/")
    assert page.locator("#streettalk-waiting").is_hidden()
    assert StreetEntry.objects.filter(day=day, said=FIRST).count() == 1
    found += _axe(page, axe_source)
    assert found == []


def test_street_conversation_pages_have_no_accessibility_problems(page, live_server, axe_source):
    day = StreetDayFactory(themes_published=True)
    theme = ThemeFactory(day=day, name="Cheaper food", top_words=["cheaper", "fruit"])
    entry = StreetEntryFactory(day=day, theme=theme)
    sign_in(page, live_server.url, day.facilitator)
    base = f"{live_server.url}/street-conversations"
    found = []
    for path in [
        "/",
        "/new/",
        f"/days/{day.pk}/",
        f"/days/{day.pk}/paper/",
        f"/days/{day.pk}/sheet/",
        f"/days/{day.pk}/themes/",
        f"/days/{day.pk}/what-people-said/",
        f"/themes/{theme.pk}/",
        f"/themes/{theme.pk}/merge/",
        f"/entries/{entry.pk}/move/",
    ]:
        page.goto(base + path)
        found += _axe(page, axe_source)
    assert found == []
