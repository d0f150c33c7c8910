"""Email: rendered in the request (templates, translations), sent later by the task worker.

Every email has a plain-text body and an HTML body. Sending happens in a task queued when
the surrounding transaction commits, so a slow or failing mail server never breaks a page
and no email goes out for a change that was rolled back.
"""

from collections.abc import Callable, Mapping
from email.utils import make_msgid
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django_tasks import task


def render_plain_text(template_name: str, context: Mapping[str, Any]) -> str:
    """Render a plain-text template with no HTML escaping: `"<b> & 'x'` stays as it is.

    Only HTML needs escaping; in a text body or a subject `&quot;` is just noise.
    """
    template = get_template(template_name).template  # the Django template, not its wrapper
    return template.render(Context(dict(context), autoescape=False))


def render_email(template_base: str, context: Mapping[str, Any]) -> tuple[str, str, str]:
    """Render `<template_base>_subject.txt`, `.txt` and `.html`: (subject, text, html).

    The subject and text are plain text, rendered unescaped; the subject is one line. Only
    the HTML part is escaped.
    """
    full_context = {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "site_url": settings.SITE_URL,
        **context,
    }
    subject = " ".join(render_plain_text(f"{template_base}_subject.txt", full_context).split())
    text = render_plain_text(f"{template_base}.txt", full_context)
    html = render_to_string(f"{template_base}.html", full_context)
    return subject, text, html


def email_queue(
    *,
    to: str,
    template_base: str,
    context: Mapping[str, Any],
    headers: Mapping[str, str] | None = None,
) -> None:
    """Render an email and queue it to be sent, once the current transaction commits.

    Rendering waits for the commit too: it takes milliseconds, and a transaction that holds
    a lock (an event's places, say) should not hold it while templates are drawn. Nothing is
    rendered or sent for a transaction that is rolled back. The Message-ID is given when the
    message is made, so a task run again (its worker was killed) sends the same message, and
    the sender can tell it went already."""
    extra_headers = dict(headers or {})

    def render_and_queue() -> None:
        subject, text, html = render_email(template_base, context)
        message = {
            "to": [to],
            "subject": subject,
            "text": text,
            "html": html,
            "headers": {"Message-ID": make_msgid(domain=str(DNS_NAME)), **extra_headers},
        }
        send_email_message.enqueue(message)

    transaction.on_commit(render_and_queue)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# How a queued email is sent: plugged in by the mailing app (sent once, even when a worker
# is killed mid-send); common imports no other app.
_sender: Callable[[dict[str, Any]], str] | None = None


def email_sender_set(sender: Callable[[dict[str, Any]], str]) -> None:
    global _sender
    _sender = sender


@task(queue_name="email")
def send_email_message(message: dict[str, Any]) -> str:
    """Send one rendered email through the configured backend (SMTP in production).

    Failures raise, so the task is recorded as failed and can be retried; nothing is swallowed.
    """
    if _sender is not None:
        return _sender(message)
    email_from_message(message).send(fail_silently=False)
    return "sent"


def email_from_message(message: dict[str, Any]) -> EmailMultiAlternatives:
    """The email a queued message stands for: text and HTML, with its own headers."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["text"],
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=message["to"],
        headers=message.get("headers") or {},
    )
    email.attach_alternative(message["html"], "text/html")
    return email
