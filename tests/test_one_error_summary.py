"""Every form in the project says its errors once: one error summary, one "Error:" in the title.

Every page the URL resolver knows is opened in the demo borough, by a resident and by an
officer; every form on it that posts is sent empty (the commonest mistake there is), and the
answer is read as a screen reader would meet it: at most one error summary, and a title that
starts "Error:" exactly once when, and only when, the page shows an error.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from coproduce.accounts.models import User
from coproduce.demo.tests.factories import seed_demo
from coproduce.testing import routes

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'class="govuk-error-summary"')
FIELD_ERROR = re.compile(r'class="govuk-error-message"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# Forms that end the session or the account: sending them empty would sign the crawler out.
LEAVES = ("/account/sign-out/",)


class PostForms(HTMLParser):
    """The actions of the forms on a page that post."""

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag != "form":
            return
        attributes = dict(attrs)
        if (attributes.get("method") or "get").lower() == "post":
            self.actions.append(attributes.get("action") or "")


def _post_actions(page_url: str, html: str) -> list[str]:
    parser = PostForms()
    parser.feed(html)
    return [action or page_url for action in parser.actions if not action.startswith("http")]


def _what_is_wrong(html: str) -> str | None:
    summaries = len(SUMMARY.findall(html))
    title = TITLE.search(html)
    title_text = title.group(1).strip() if title else ""
    prefixes = title_text.count("Error:")
    shows_errors = summaries or FIELD_ERROR.search(html)
    if summaries > 1:
        return f"{summaries} error summaries"
    if prefixes > 1:
        return f"title says 'Error:' {prefixes} times: {title_text!r}"
    if shows_errors and not summaries:
        return "field errors with no error summary"
    if shows_errors and not title_text.startswith("Error:"):
        return f"errors shown but the title does not start 'Error:': {title_text!r}"
    if not shows_errors and prefixes:
        return f"title says 'Error:' with no error shown: {title_text!r}"
    return None


@pytest.mark.parametrize("who", ["resident", "officer"])
def test_every_form_sent_empty_says_its_errors_once(who):
    seed_demo()
    person = User.objects.get(email=f"{who}@demo.northbrook.invalid")
    client = Client(raise_request_exception=False)  # a page that fails is another test's job
    tried: set[str] = set()
    wrong: dict[str, str] = {}
    with_errors = 0
    for route, _pattern in routes.routes():
        if route.startswith("admin/"):
            continue
        client.force_login(person)
        page_url = routes.url(route)
        page = client.get(page_url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        for action in _post_actions(page_url, page.content.decode()):
            if action in tried or action.startswith(LEAVES):
                continue
            tried.add(action)
            client.force_login(person)
            answer = client.post(action, {})
            if "text/html" not in answer.get("Content-Type", "") or answer.status_code >= 500:
                continue
            html = answer.content.decode()
            problem = _what_is_wrong(html)
            if problem:
                wrong[action] = problem
            with_errors += bool(SUMMARY.search(html))
    assert not wrong, wrong
    # Not vacuous: many forms were tried and many answered with their errors.
    least_tried, least_with_errors = {"resident": (40, 8), "officer": (120, 40)}[who]
    assert len(tried) >= least_tried, len(tried)
    assert with_errors >= least_with_errors, with_errors
