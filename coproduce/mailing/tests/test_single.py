from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coproduce.common.email import email_queue, send_email_message
from coproduce.mailing.models import SingleSend
from coproduce.mailing.single import TASK_PATHS, single_send, single_sends_requeue

pytestmark = pytest.mark.django_db


def _message(message_id="<one.1@coproduce.test>", to="ann@example.org"):
    headers = {"Message-ID": message_id} if message_id else {}
    return {"to": [to], "subject": "Hello", "text": "Hi", "html": "<p>Hi</p>", "headers": headers}


def test_a_queued_email_has_its_message_id_from_the_start(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        email_queue(
            to="ann@example.org",
            template_base="accounts/email/email_changed",
            context={},
        )
    assert len(callbacks) == 1
    assert len(mail.outbox) == 0
    callbacks[0]()
    assert mail.outbox[0].extra_headers["Message-ID"].startswith("<")


def test_over_smtp_a_message_run_twice_arrives_once(smtp_server):
    """A task run again (its worker was killed after sending) does not send a second copy."""
    assert single_send(_message()) == "sent"
    assert single_send(_message()) == "already sent"
    smtp_server.wait_for(1)
    assert [m["Message-ID"] for m in smtp_server.messages] == ["<one.1@coproduce.test>"]
    assert SingleSend.objects.filter(message_id="<one.1@coproduce.test>").exists()


def test_the_task_goes_through_the_once_only_sender(smtp_server):
    send_email_message.call(_message("<two.2@coproduce.test>"))
    send_email_message.call(_message("<two.2@coproduce.test>"))
    smtp_server.wait_for(1)
    assert len(smtp_server.messages) == 1


def test_recorded_before_the_end_of_the_message_is_not_sent_again(smtp_server):
    """Killed after the record, before the final ".": the run again sends nothing."""
    SingleSend.objects.create(message_id="<three.3@coproduce.test>")
    assert single_send(_message("<three.3@coproduce.test>")) == "already sent"
    assert smtp_server.messages == []


def test_other_backends_send_at_most_once():
    assert single_send(_message()) == "sent"
    assert single_send(_message()) == "already sent"
    assert len(mail.outbox) == 1


def test_a_failed_send_can_be_tried_again(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    with pytest.raises(Exception):  # noqa: B017 - the connection error, whatever its class
        single_send(_message())
    assert not SingleSend.objects.exists()


def _task(*, status, started_minutes_ago, path=TASK_PATHS[0]):
    return DBTaskResult.objects.create(
        task_path=path,
        args_kwargs={"args": [_message()], "kwargs": {}},
        backend_name="default",
        queue_name="email",
        run_after=timezone.now(),
        status=status,
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
        exception_class_path="",
        traceback="",
    )


def test_sends_whose_worker_died_go_back_in_the_queue(settings):
    settings.MAILING_LEASE_SECONDS = 300
    stale = _task(status=TaskResultStatus.RUNNING, started_minutes_ago=10)
    live = _task(status=TaskResultStatus.RUNNING, started_minutes_ago=1)
    other = _task(status=TaskResultStatus.RUNNING, started_minutes_ago=10, path="x.y")
    done = _task(status=TaskResultStatus.SUCCESSFUL, started_minutes_ago=10)
    told = _task(status=TaskResultStatus.RUNNING, started_minutes_ago=10, path=TASK_PATHS[1])
    assert single_sends_requeue() == 2
    rows = (stale, live, other, done, told)
    statuses = {t.pk: DBTaskResult.objects.get(pk=t.pk).status for t in rows}
    assert statuses == {
        stale.pk: TaskResultStatus.READY,
        told.pk: TaskResultStatus.READY,
        live.pk: TaskResultStatus.RUNNING,
        other.pk: TaskResultStatus.RUNNING,
        done.pk: TaskResultStatus.SUCCESSFUL,
    }
