"""In headless Chromium: a panel member declares interests, scores a bid and submits with the
keyboard only and without JavaScript, seeing others' scores only after submitting; and every
service choice panel page passes axe-core's WCAG 2.2 A and AA rules.

Run with `.venv/bin/pytest -m browser tests/browser/test_commissioning.py`.
"""

import pytest
from django.conf import settings

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import services
from coproduce.commissioning.models import Declaration, Member, Score
from coproduce.commissioning.tests.factories import (
    MemberFactory,
    born_years_ago,
    published_panel,
)
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _send(page, scope, button_name: str) -> None:
    scope.get_by_role("button", name=button_name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _score_all(member, reason: str) -> None:
    panel = member.panel
    for bid in panel.bids.all():
        services.interest_declare(user=member.user, bid=bid, has_interest=False)
        services.score_bid(
            user=member.user, bid=bid, scores={c.pk: (4, reason) for c in panel.criteria.all()}
        )
    services.scores_submit(user=member.user, panel=panel)


def test_declare_score_and_submit_with_the_keyboard_only(page_without_javascript, live_server):
    """Tab, space and typing alone: no interest in one bid (scored), an interest in the other
    (no score form); others' reasons appear only after submitting."""
    page = page_without_javascript
    panel = published_panel()
    first, me = panel.members.all()
    _score_all(first, "EARLIER-MEMBER-REASON")
    scored, conflicted = panel.bids.all()
    _sign_in(page, live_server.url, me.user)
    url = f"{live_server.url}/service-choice-panels/{panel.pk}/scoring/"
    page.goto(url)
    assert "EARLIER-MEMBER-REASON" not in page.content()
    assert page.locator("#sealed").count() == 1

    section = page.locator(f"section[aria-labelledby='bid-{scored.pk}']")
    section.get_by_label("No", exact=True).focus()
    page.keyboard.press("Space")
    _send(page, section, f"Save declaration for {scored.bidder}")
    section = page.locator(f"section[aria-labelledby='bid-{scored.pk}']")
    for criterion in panel.criteria.all():
        group = section.get_by_role("group", name=f"Score for “{criterion.title}”", exact=False)
        group.get_by_label("4", exact=True).focus()
        page.keyboard.press("Space")
        section.get_by_label(f"Why this score for “{criterion.title}”?").focus()
        page.keyboard.type("Good reach into the estates")
    _send(page, section, f"Save scores for {scored.bidder}")
    assert Score.objects.filter(member=me, bid=scored).count() == 2

    section = page.locator(f"section[aria-labelledby='bid-{conflicted.pk}']")
    section.get_by_label("Yes", exact=True).focus()
    page.keyboard.press("Space")
    section.get_by_label("What is your interest?").focus()
    page.keyboard.type("My cousin works there")
    _send(page, section, f"Save declaration for {conflicted.bidder}")
    assert Declaration.objects.get(member=me, bid=conflicted).has_interest
    section = page.locator(f"section[aria-labelledby='bid-{conflicted.pk}']")
    assert section.get_by_role("button", name=f"Save scores for {conflicted.bidder}").count() == 0
    assert "EARLIER-MEMBER-REASON" not in page.content()

    _send(page, page, "Submit my scores")
    assert Member.objects.get(pk=me.pk).submitted_at is not None
    assert "EARLIER-MEMBER-REASON" in page.content()


def test_panel_pages_pass_axe(page, live_server, axe_source):
    """The list, public, apply, invitation, scoring, run, consent and score sheet pages have no
    WCAG 2.2 A or AA violations that axe-core finds."""
    panel = published_panel(members=0, is_youth=True, age_min=11, age_max=19)
    young = MemberFactory(panel=panel, date_of_birth=born_years_ago(14))
    older = MemberFactory(panel=panel, date_of_birth=born_years_ago(17))
    _score_all(older, "Clear plan")
    invited = MemberFactory(panel=panel, status="invited")
    base = f"{live_server.url}/service-choice-panels"
    found = []
    visits = [
        (UserFactory(), ["/", f"/{panel.pk}/", f"/{panel.pk}/apply/"]),
        (invited.user, [f"/{panel.pk}/invitation/"]),
        (young.user, [f"/{panel.pk}/scoring/"]),
        (older.user, [f"/{panel.pk}/scoring/"]),
        (
            panel.created_by,
            [
                f"/{panel.pk}/run/",
                f"/{panel.pk}/run/members/{young.pk}/consent/",
                f"/{panel.pk}/run/sheet/",
            ],
        ),
    ]
    for person, paths in visits:
        _sign_in(page, live_server.url, person)
        for path in paths:
            response = page.goto(f"{base}{path}")
            assert response.status == 200, path
            found += _axe(page, axe_source)
    assert found == []
