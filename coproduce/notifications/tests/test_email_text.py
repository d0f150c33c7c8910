"""Email text is plain text: the text part and subject are not HTML-escaped; the HTML is."""

import pytest
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.email import render_email
from coproduce.notifications import services
from coproduce.notifications.models import Notification

pytestmark = pytest.mark.django_db

TITLE = """Bake sale "<script>" & 'quotes'"""
ESCAPED = "Bake sale &quot;&lt;script&gt;&quot; &amp; &#x27;quotes&#x27;"


def _sent(on_commit, **kwargs):
    """The one email `notify` sends straight away."""
    user = UserFactory(display_name="Ada <Lovelace> & Co")
    with on_commit(execute=True):
        services.notify(recipient=user, kind="account", **kwargs)
    [message] = mail.outbox
    return message


def test_notification_text_and_subject_keep_the_title_as_written(
    django_capture_on_commit_callbacks,
):
    """Quotes, angle brackets and ampersands reach the text part and subject as typed."""
    message = _sent(
        django_capture_on_commit_callbacks,
        title=TITLE,
        body='Bring cakes & "<b>" tins',
        url="/account/",
    )
    assert message.subject == TITLE
    assert TITLE in message.body
    assert 'Bring cakes & "<b>" tins' in message.body
    assert "Hello Ada <Lovelace> & Co," in message.body
    assert "&quot;" not in message.body and "&amp;" not in message.body


def test_notification_html_part_is_escaped(django_capture_on_commit_callbacks):
    """The HTML part escapes the same title, so nothing in it runs as markup."""
    message = _sent(django_capture_on_commit_callbacks, title=TITLE)
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert ESCAPED in html
    assert "<script>" not in html


def test_subject_is_one_line():
    """A title with line breaks still makes a subject of one line."""
    notification = Notification(title="First line\nSecond\r\nthird", body="")
    subject, _text, _html = render_email(
        "notifications/email/notification",
        {"user": UserFactory(), "notification": notification, "kind": None},
    )
    assert subject == "First line Second third"


def test_digest_text_is_not_escaped():
    """The daily summary's text part keeps titles as written too."""
    _subject, text, html = render_email(
        "notifications/email/digest",
        {"user": UserFactory(), "notifications": [Notification(title=TITLE, body="")]},
    )
    assert TITLE in text and "&quot;" not in text
    assert ESCAPED in html
