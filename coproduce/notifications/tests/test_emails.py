"""A notification's email is queued as keys and drawn by the worker (notifications.emails)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications import services
from coproduce.notifications.emails import notification_email_send
from coproduce.notifications.models import Notification

DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


def _queued(django_capture_on_commit_callbacks, **fields) -> tuple[Notification, object]:
    """A notification whose email is queued, not yet sent: the task's arguments are kept."""
    user = UserFactory(email="ada@example.org", display_name="Ada")
    with django_capture_on_commit_callbacks() as callbacks:
        notification = services.notify(
            recipient=user, kind="account", title="Your room is booked", url="/account/", **fields
        )
    [queue] = callbacks
    return notification, queue


@pytest.mark.django_db(transaction=True)
def test_the_queue_holds_keys_and_the_worker_sends_the_email(settings):
    """The database queue keeps no address and no text; the worker draws and sends the email."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    user = UserFactory(email="ada@example.org", display_name="Ada")
    notification = services.notify(recipient=user, kind="account", title="Your room is booked")
    task = DBTaskResult.objects.get()
    assert task.task_path == "coproduce.notifications.emails.notification_email_send"
    pk, language, message_id = task.args_kwargs["args"]
    assert (pk, language) == (notification.pk, "en-gb")
    assert message_id.startswith("<") and message_id.endswith(">")
    assert "ada@example.org" not in str(task.args_kwargs)
    assert "booked" not in str(task.args_kwargs)
    assert mail.outbox == []
    call_command("db_worker", queue_name="*", batch=True, no_startup_delay=True, verbosity=0)
    [email] = mail.outbox
    assert email.to == ["ada@example.org"]
    assert email.subject == "Your room is booked"
    assert "Hello Ada," in email.body
    assert email.extra_headers["Message-ID"] == message_id
    assert "List-Unsubscribe" in email.extra_headers


@pytest.mark.django_db
def test_a_rolled_back_notification_queues_nothing(django_capture_on_commit_callbacks):
    """Nothing is queued for a change that was undone."""
    from django.db import transaction

    user = UserFactory()

    class Undo(Exception):
        pass

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(Undo),
        transaction.atomic(),
    ):
        services.notify(recipient=user, kind="account", title="Booked")
        raise Undo
    assert callbacks == []


@pytest.mark.django_db
def test_a_notification_says_it_was_emailed_only_once_the_email_went(
    django_capture_on_commit_callbacks,
):
    """Queued is not sent: `emailed_at` is set by the send, and a second run keeps the first
    time."""
    notification, _ = _queued(django_capture_on_commit_callbacks)
    notification.refresh_from_db()
    assert notification.emailed_at is None
    message_id = "<told.2@coproduce.test>"
    notification_email_send.call(notification.pk, "en-gb", message_id)
    notification.refresh_from_db()
    first = notification.emailed_at
    assert first is not None
    assert notification_email_send.call(notification.pk, "en-gb", message_id) == "already sent"
    notification.refresh_from_db()
    assert notification.emailed_at == first


@pytest.mark.django_db
def test_an_email_skipped_by_the_worker_is_not_recorded_as_emailed(
    django_capture_on_commit_callbacks,
):
    """The address bounced between the request and the send: nothing goes, and the
    notification does not say it was emailed (an officer reading it is not misled)."""
    from coproduce.mailing.models import SuppressedAddress

    notification, queue = _queued(django_capture_on_commit_callbacks)
    SuppressedAddress.objects.create(address="ada@example.org", reason="hard_bounce")
    queue()
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.emailed_at is None


@pytest.mark.django_db
def test_a_send_that_fails_is_not_recorded_as_emailed(django_capture_on_commit_callbacks, settings):
    """The mail server refuses: the task fails (to be retried) and nothing says it went."""
    notification, _ = _queued(django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "coproduce.notifications.tests.test_emails.RefusingBackend"
    with pytest.raises(ConnectionRefusedError):
        notification_email_send.call(notification.pk, "en-gb", "<refused.1@coproduce.test>")
    notification.refresh_from_db()
    assert notification.emailed_at is None


class RefusingBackend:
    """An email backend whose server is down."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
def test_a_task_run_twice_sends_once(django_capture_on_commit_callbacks):
    """A worker killed after sending runs the task again: the same Message-ID goes once."""
    notification, _ = _queued(django_capture_on_commit_callbacks)
    message_id = "<told.1@coproduce.test>"
    assert notification_email_send.call(notification.pk, "en-gb", message_id) == "sent"
    assert notification_email_send.call(notification.pk, "en-gb", message_id) == "already sent"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_account_closed_before_the_send_gets_nothing(django_capture_on_commit_callbacks):
    """The worker checks again: a closed account, or a bounced address, is not emailed."""
    from coproduce.mailing.models import SuppressedAddress

    notification, queue = _queued(django_capture_on_commit_callbacks)
    SuppressedAddress.objects.create(address="ada@example.org", reason="hard_bounce")
    queue()
    assert mail.outbox == []
    notification.recipient.is_active = False
    notification.recipient.save()
    assert notification_email_send.call(notification.pk, "en-gb", "<x.1@t>").startswith("not sent")


@pytest.mark.django_db
def test_a_deleted_notification_is_not_sent(django_capture_on_commit_callbacks):
    """Erasing a person deletes their notifications; an email still queued then sends nothing."""
    notification, queue = _queued(django_capture_on_commit_callbacks)
    Notification.objects.filter(pk=notification.pk).delete()
    queue()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_email_is_drawn_in_the_language_of_the_request(
    django_capture_on_commit_callbacks, monkeypatch
):
    """The worker draws the email in the language the person was using, not its own."""
    from coproduce.notifications import emails

    notification, _ = _queued(django_capture_on_commit_callbacks)
    seen = []

    def drawn(template_base, context):
        seen.append(translation.get_language())
        return "Subject", "Text", "<p>HTML</p>"

    monkeypatch.setattr(emails, "render_email", drawn)
    with translation.override("cy"):
        assert notification_email_send.call(notification.pk, "en-gb", "<x.2@t>") == "sent"
        assert translation.get_language() == "cy"
    assert seen == ["en-gb"]
