"""Signed, time-limited tokens for links sent by email. No database table needed.

A token names both the person and the address it was sent to, so it stops working once
the address changes, and cannot be used for anyone else.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

VERIFY_SALT = "coproduce.accounts.verify-email"
CHANGE_SALT = "coproduce.accounts.change-email"


class TokenError(ValueError):
    """The link is broken, expired or already used; the message says which, in plain words."""


@dataclass(frozen=True)
class EmailToken:
    user_id: int
    email: str
    current_email: str = ""


def make_token(token: EmailToken, *, salt: str) -> str:
    payload = {"u": token.user_id, "e": token.email}
    if token.current_email:
        payload["c"] = token.current_email
    return signing.dumps(payload, salt=salt, compress=True)


def read_token(value: str, *, salt: str) -> EmailToken:
    try:
        payload = signing.loads(value, salt=salt, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenError("expired") from error
    except signing.BadSignature as error:
        raise TokenError("invalid") from error
    try:
        return EmailToken(
            user_id=int(payload["u"]), email=str(payload["e"]), current_email=payload.get("c", "")
        )
    except (KeyError, TypeError, ValueError) as error:
        raise TokenError("invalid") from error
