"""Safe methods are safe: opening a page never creates, changes or removes a row.

Every GET route the URL resolver knows is opened by a resident with a fresh account, in the
demo borough, and the number of rows in every table is compared before and after. Rows are
made only by the POST that needs them.
"""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.accounts.tokens import CHANGE_SALT, VERIFY_SALT, EmailToken, make_token
from coproduce.demo.tests.factories import seed_demo
from coproduce.testing import routes

pytestmark = pytest.mark.django_db

# Tables a GET may change: the signed-in session, and the sign-in attempt logs of axes.
ALLOWED_TO_CHANGE = {
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
}


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.label not in ALLOWED_TO_CHANGE
    }


def test_no_get_changes_any_row():
    """Opening every page, as a resident new to the site, leaves every table as it was."""
    seed_demo()
    client = Client(raise_request_exception=False)  # a page that fails is another test's job
    client.force_login(UserFactory())
    changed = {}
    for route, _pattern in routes.routes():
        url = routes.url(route)
        before = _counts()
        client.get(url)
        after = _counts()
        difference = {label: after[label] - before[label] for label in before}
        if any(difference.values()):
            changed[url] = {label: n for label, n in difference.items() if n}
    assert not changed


def test_confirmation_links_change_nothing_until_the_button_is_pressed(client):
    """Opening an email confirmation link shows a button; only pressing it changes the address."""
    new = UserFactory(email="new.person@example.org", email_verified_at=None)
    verify = make_token(EmailToken(user_id=new.pk, email=new.email), salt=VERIFY_SALT)
    page = client.get(reverse("accounts:verify_email", args=[verify]))
    assert "Confirm your email address" in page.text
    new.refresh_from_db()
    assert not new.email_verified

    moving = UserFactory(email="old@example.org")
    token = EmailToken(user_id=moving.pk, email="moved@example.org", current_email=moving.email)
    client.force_login(moving)
    url = reverse("accounts:change_email_confirm", args=[make_token(token, salt=CHANGE_SALT)])
    assert "Confirm your new email address" in client.get(url).text
    moving.refresh_from_db()
    assert moving.email == "old@example.org"
    client.post(url)
    moving.refresh_from_db()
    assert moving.email == "moved@example.org"
