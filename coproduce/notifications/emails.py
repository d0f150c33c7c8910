"""A notification's email: queued by the request, drawn and sent by the task worker.

Drawing an email (three templates, the unsubscribe link) takes a few milliseconds. A request
that tells someone something, such as taking a place at an event, used to spend them before
it could answer. Now it queues only the notification's key, the language it was asked in and
the Message-ID. The worker draws the email from the notification as it is stored, in that
language. The Message-ID is given at queue time, so a task run again (its worker was killed)
sends the same message, and `mailing.single` sends it once.

The worker checks again that the person can be emailed. An account closed, or an address that
bounced, between the request and the send gets nothing. Only a sent email sets the
notification's `emailed_at`. The task's record holds no address and no text, only keys.
"""

from datetime import datetime
from email.utils import make_msgid

from django.core.mail.utils import DNS_NAME
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from coproduce.common.email import absolute_url, render_email, send_email_message
from coproduce.common.queue import task_enqueue_on_commit
from coproduce.mailing.selectors import is_suppressed

from . import kinds, tokens
from .models import Notification

TEMPLATE_BASE = "notifications/email/notification"


def can_email(user, *, suppressed: bool | None = None) -> bool:
    """An open account with an address that has not bounced hard or complained (`suppressed`
    when the caller has read that already)."""
    if not (user.is_active and user.has_email):
        return False
    return not (is_suppressed(user.email) if suppressed is None else suppressed)


def unsubscribe_headers(*, user_id: int, kind: str) -> tuple[str, dict[str, str]]:
    link = absolute_url(
        reverse("notifications:unsubscribe", args=[tokens.make(user_id=user_id, kind=kind)])
    )
    # RFC 8058 one-click: mail programs POST to the link to unsubscribe.
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return link, headers


def notification_email_queue(*, notification: Notification) -> None:
    """Queue the email for this notification, once the current transaction commits (nothing
    is sent for a change that was rolled back)."""
    language, message_id = translation.get_language(), make_msgid(domain=str(DNS_NAME))
    task_enqueue_on_commit(notification_email_send, notification.pk, language, message_id)


@task(queue_name="email")
def notification_email_send(notification_id: int, language: str, message_id: str) -> str:
    """Draw and send one notification's email: "sent", "already sent", or why not."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None:
        return "not sent: the notification was deleted"
    recipient = notification.recipient
    if not can_email(recipient):
        return "not sent: the person cannot be emailed now"
    kind = kinds.get(notification.kind)
    url = notification.url
    link, headers = unsubscribe_headers(user_id=recipient.pk, kind=kind.slug)
    with translation.override(language):
        subject, text, html = render_email(
            TEMPLATE_BASE,
            {
                "user": recipient,
                "notification": notification,
                "kind": kind,
                "link": absolute_url(url) if url.startswith("/") else url,
                "unsubscribe_link": link,
            },
        )
    message = {
        "to": [recipient.email],
        "subject": subject,
        "text": text,
        "html": html,
        "headers": {"Message-ID": message_id, **headers},
    }
    outcome = send_email_message.call(message)
    notifications_emailed_mark(ids=[notification.pk], at=timezone.now())
    return outcome


def notifications_emailed_mark(*, ids: list[int], at: datetime) -> int:
    """The one writer of `emailed_at` (see the model): a notification's own email went, or a
    daily summary took these. Here rather than in services, which imports this module to
    queue the email. One marked before keeps its time, so a task run again changes nothing."""
    return Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(emailed_at=at)
