import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications import services, tokens
from coproduce.notifications.kinds import Frequency
from coproduce.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def test_notify_records_an_in_app_notification():
    """A notification is always recorded for the person, unread."""
    user = UserFactory()
    services.notify(recipient=user, kind="general", title="Park clean-up on Saturday")
    notification = Notification.objects.get(recipient=user)
    assert notification.title == "Park clean-up on Saturday"
    assert not notification.is_read


def test_unknown_kind_is_refused():
    """A kind nobody registered raises a clear error and records nothing."""
    with pytest.raises(ValueError, match="Unknown notification kind 'nonsense'"):
        services.notify(recipient=UserFactory(), kind="nonsense", title="x")
    assert Notification.objects.count() == 0


def test_immediate_kind_is_sent_by_real_smtp(smtp_server, django_capture_on_commit_callbacks):
    """'Straight away' sends one email through a real SMTP server, in text and HTML."""
    user = UserFactory(email="ada@example.org", display_name="Ada")
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=user,
            kind="account",
            title="Your offer was accepted",
            body="Thank you!",
            url="/account/",
        )
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ada@example.org"
    assert message["Subject"] == "Your offer was accepted"
    assert message.get_body(("plain",)).get_content().count("Your offer was accepted") == 1
    assert "Thank you!" in message.get_body(("html",)).get_content()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.get().emailed_at is not None


def test_unsubscribe_header_link_works_without_signing_in(
    client, smtp_server, django_capture_on_commit_callbacks
):
    """The one-click unsubscribe link in the header works with a plain POST and no session."""
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=user, kind="account", title="Hello")
    [message] = smtp_server.wait_for(1)
    link = re.search(r"<([^>]+)>", message["List-Unsubscribe"]).group(1)
    response = client.post(urlsplit(link).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=user, kind="account").frequency == "never"


def test_daily_kind_waits_for_the_digest(django_capture_on_commit_callbacks):
    """A 'daily' notification sends no email at once."""
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=UserFactory(), kind="general", title="News")
    assert mail.outbox == []


def test_never_sends_no_email(django_capture_on_commit_callbacks):
    """With 'never', the notification is shown in the service but not emailed."""
    user = UserFactory()
    services.notification_preference_set(user=user, kind="account", frequency=Frequency.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=user, kind="account", title="Hello")
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=user).count() == 1


def test_digest_sends_one_email_per_person_once(smtp_server, django_capture_on_commit_callbacks):
    """The daily summary gathers each person's daily notifications into one email, once."""
    ada, grace = UserFactory(), UserFactory()
    for title in ["One", "Two"]:
        services.notify(recipient=ada, kind="general", title=title)
    services.notify(recipient=grace, kind="general", title="Three")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == 2
    messages = smtp_server.wait_for(2)
    by_recipient = {m["To"]: m.get_body(("plain",)).get_content() for m in messages}
    assert "One" in by_recipient[ada.email] and "Two" in by_recipient[ada.email]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == 0
    assert len(smtp_server.messages) == 2


def test_digest_unsubscribe_stops_every_daily_kind():
    """Unsubscribing from the daily summary turns off email for the kinds in it."""
    user = UserFactory()
    services.unsubscribe_by_token(token=tokens.make(user_id=user.pk, kind=tokens.DAILY_SUMMARY))
    assert NotificationPreference.objects.get(user=user, kind="general").frequency == "never"
    assert not NotificationPreference.objects.filter(user=user, kind="account").exists()


def test_mark_all_read_counts_only_own():
    """Marking all as read touches only the person's own notifications."""
    ada, grace = UserFactory(), UserFactory()
    services.notify(recipient=ada, kind="general", title="A")
    services.notify(recipient=grace, kind="general", title="B")
    assert services.notifications_mark_all_read(user=ada) == 1
    assert Notification.objects.get(recipient=grace).read_at is None


def test_send_daily_digests_command_reports_count():
    """The command that cron runs sends the summaries and says how many."""
    from io import StringIO

    from django.core.management import call_command

    services.notify(recipient=UserFactory(), kind="general", title="News")
    out = StringIO()
    call_command("send_daily_digests", stdout=out)
    assert out.getvalue().strip() == "Sent 1 daily summaries."


def test_person_without_email_is_told_in_the_service_only(django_capture_on_commit_callbacks):
    """Someone registered with no email address gets the notification and no email."""
    user = UserFactory(email=None)
    with django_capture_on_commit_callbacks(execute=True):
        notification = services.notify(recipient=user, kind="account", title="You are booked")
    assert notification.emailed_at is None
    assert mail.outbox == []


def test_daily_summary_skips_a_person_without_email(django_capture_on_commit_callbacks):
    """The daily summary marks their notifications done without sending anything."""
    user = UserFactory(email=None)
    services.notify(recipient=user, kind="general", title="Park clean-up")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_an_address_that_bounced_is_not_emailed(django_capture_on_commit_callbacks):
    """After a hard bounce or a complaint, notifications stay in the service only."""
    from coproduce.mailing.models import SuppressedAddress

    user = UserFactory(email="gone@example.org")
    SuppressedAddress.objects.create(address="gone@example.org", reason="hard_bounce")
    with django_capture_on_commit_callbacks(execute=True):
        notification = services.notify(recipient=user, kind="account", title="Booked")
    assert notification.emailed_at is None
    assert mail.outbox == []
