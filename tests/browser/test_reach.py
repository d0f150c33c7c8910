"""In headless Chromium: a visitor subscribes to a ward's updates with the keyboard only and
without JavaScript, and every page for reaching everyone passes axe-core's WCAG 2.2 A and AA
rules, as a visitor and as an officer.

Run with `.venv/bin/pytest -m browser tests/browser/test_reach.py`.
"""

import pytest
from django.conf import settings

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.models import StreetChampion
from coproduce.news.models import NewsPost
from coproduce.offline.models import OfflineResident
from coproduce.places.models import Ward
from coproduce.subscriptions.models import Subscription
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def test_visitor_subscribes_with_the_keyboard_only(
    page_without_javascript, live_server, demo_borough
):
    """Tab and typing alone subscribe to a ward, with JavaScript off; an empty address first
    shows one error summary."""
    page = page_without_javascript
    ward = Ward.objects.order_by("pk").first()
    page.goto(f"{live_server.url}/subscribe/?topic=ward:{ward.pk}")
    page.get_by_label("Once a day, in one email").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Subscribe").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".govuk-error-summary").count() == 1
    page.get_by_label("Your email address").focus()
    page.keyboard.type("kim@example.org")
    page.get_by_role("button", name="Subscribe").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Subscription.objects.filter(
        topic=f"ward:{ward.pk}", subscriber__email="kim@example.org", confirmed=False
    ).exists()


def test_reach_pages_pass_axe(page, live_server, axe_source, demo_borough):
    """Keep in touch, buckets, news, champions, people not online, insights, credits and
    sending pages have no WCAG 2.2 A or AA violations that axe-core finds."""
    ward = Ward.objects.order_by("pk").first()
    post = NewsPost.objects.filter(status="published").first()
    champion = StreetChampion.objects.first()
    resident = OfflineResident.objects.first()
    public = [
        "/keep-in-touch/",
        "/subscribe/",
        f"/subscribe/buckets/ward:{ward.pk}/",
        "/news/",
        f"/news/{post.slug}/",
        "/street-champions/",
        f"/street-champions/champion/{champion.champion_id}/",
    ]
    staff = [
        "/news/drafts/",
        "/news/write/",
        "/street-champions/officer/",
        "/street-champions/officer/coverage/",
        f"/street-champions/champion/{champion.champion_id}/pack/",
        "/on-behalf/",
        "/on-behalf/register/",
        f"/on-behalf/residents/{resident.pk}/",
        "/on-behalf/sheets/",
        "/subscribe/letters/",
        "/insights/",
        "/insights/groups/",
        "/insights/go-to-people/",
        f"/insights/wards/{ward.pk}/",
        "/mailing/",
        "/time-credits/",
    ]
    found = []
    for path in public:
        page.goto(f"{live_server.url}{path}")
        found += [f"{path} {v}" for v in axe_violations(page, axe_source, label=path)]
    _sign_in(page, live_server.url, UserFactory(roles=[Role.OFFICER]))
    for path in staff:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        found += [f"{path} {v}" for v in axe_violations(page, axe_source, label=path)]
    assert found == []
