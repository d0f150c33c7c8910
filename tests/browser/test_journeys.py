"""Journeys a resident takes, in a real browser, with and without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from .conftest import sign_in


def test_sign_up_confirm_and_sign_in(page, live_server, transactional_db):
    """A resident signs up, confirms their email from the link's page, and signs in."""
    page.goto(f"{live_server.url}/account/sign-up/")
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Create a password").fill("a long enough passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    # Opening the link changes nothing: the page's button confirms (a POST).
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    page.get_by_role("button", name="Confirm my email address").click()
    expect(page.get_by_role("heading", name="Your email address is confirmed")).to_be_visible()
    sign_in(page, live_server.url, "ada@example.org", "a long enough passphrase")
    page.get_by_role("link", name="Your account").first.click()
    expect(page.get_by_text("ada@example.org")).to_be_visible()


def test_skip_link_is_first_and_moves_focus_to_content(page, live_server, transactional_db):
    """The first Tab reaches the skip link, and Enter moves to the main content."""
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main-content"


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def test_pages_work_with_javascript_off(page_without_js, live_server, demo_borough):
    """With JavaScript off, a resident can sign in, see their account and sign out."""
    page = page_without_js
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
    page.goto(live_server.url + "/account/")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
