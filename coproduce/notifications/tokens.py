"""Unsubscribe links that work without signing in: signed, naming one person and one kind."""

from dataclasses import dataclass

from django.core import signing

SALT = "coproduce.notifications.unsubscribe"
# Stands for "the daily summary" in a token, rather than one kind of notification.
DAILY_SUMMARY = "daily-summary"


class BadUnsubscribeToken(ValueError):
    pass


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    kind: str


def make(*, user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def read(token: str) -> Unsubscribe:
    # No expiry: an unsubscribe link in an old email must still work (PECR, RFC 8058).
    try:
        data = signing.loads(token, salt=SALT)
        return Unsubscribe(user_id=int(data["u"]), kind=str(data["k"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadUnsubscribeToken(token) from error
