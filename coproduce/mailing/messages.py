"""One message of a mailing: its headers (one-click unsubscribe, a signed header naming the
delivery, a Message-ID), and the envelope sender bounces go back to."""

from __future__ import annotations

import re
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives

from coproduce.common.email import render_email

from .reports import DELIVERY_HEADER

_SIGNER_SALT = "coproduce.mailing.delivery"
_ADDRESS = re.compile(r"[^\s<>;:,\"'()\[\]]+@[^\s<>;:,\"'()\[\]]+")


def return_path() -> str:
    """The envelope sender: where bounces go (MAILING_RETURN_PATH, else the From address)."""
    configured = getattr(settings, "MAILING_RETURN_PATH", "")
    return configured or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


# The header that names a delivery, signed so a forged report cannot suppress anyone. -------


def delivery_header(delivery_id: int) -> str:
    return signing.Signer(salt=_SIGNER_SALT).sign(str(delivery_id))


def delivery_from_header(value: str) -> int | None:
    try:
        return int(signing.Signer(salt=_SIGNER_SALT).unsign(value.strip()))
    except (signing.BadSignature, ValueError):
        return None


def redact(text: str) -> str:
    """A server's words without any email address in them (officers see these), cut short."""
    return _ADDRESS.sub("(address)", text)[:2000]


# Building one message. ----------------------------------------------------------------------


def message_build(
    *,
    template_base: str,
    context: dict,
    address: str,
    unsubscribe_url: str,
    delivery_id: int | None,
    test: bool = False,
) -> EmailMultiAlternatives:
    """The email for one person: their context merged over the mailing's, and the headers
    that let them unsubscribe in one click and let a bounce find its delivery."""
    subject, text, html = render_email(
        template_base, {**context, "unsubscribe_url": unsubscribe_url}
    )
    domain = return_path().rpartition("@")[2] or "coproduce.invalid"
    headers = {
        "Message-ID": make_msgid(
            idstring=f"d{delivery_id}" if delivery_id else "test", domain=domain
        ),
        "Auto-Submitted": "auto-generated",
    }
    if delivery_id is not None:
        headers[DELIVERY_HEADER] = delivery_header(delivery_id)
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if test:
        headers["X-Coproduce-Test"] = "yes"
        subject = f"[TEST] {subject}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message
