"""Signed links that work without signing in.

- confirm: a new address proves it is theirs; expires after CONFIRM_DAYS.
- unsubscribe: stops one subscription, or all of a subscriber's ("all"); never expires, so a
  link in an old email still works (PECR, RFC 8058).
- manage: a subscriber with no account sees and changes their subscriptions; never expires
  either, as it is only sent to the address itself.
"""

from dataclasses import dataclass

from django.core import signing

CONFIRM_SALT = "coproduce.subscriptions.confirm"
UNSUBSCRIBE_SALT = "coproduce.subscriptions.unsubscribe"
MANAGE_SALT = "coproduce.subscriptions.manage"
CONFIRM_DAYS = 3
ALL = "all"


class BadToken(ValueError):
    pass


@dataclass(frozen=True)
class Unsubscribe:
    subscriber_id: int
    subscription_id: int | None  # None: every subscription


def confirm_make(*, subscriber_id: int, subscription_id: int) -> str:
    return signing.dumps({"s": subscriber_id, "b": subscription_id}, salt=CONFIRM_SALT)


def confirm_read(token: str) -> tuple[int, int]:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 60 * 60)
        return int(data["s"]), int(data["b"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken(token) from error


def unsubscribe_make(*, subscriber_id: int, subscription_id: int | None) -> str:
    which = ALL if subscription_id is None else subscription_id
    return signing.dumps({"s": subscriber_id, "b": which}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_read(token: str) -> Unsubscribe:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        which = data["b"]
        return Unsubscribe(
            subscriber_id=int(data["s"]), subscription_id=None if which == ALL else int(which)
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken(token) from error


def manage_make(*, subscriber_id: int) -> str:
    return signing.dumps({"s": subscriber_id}, salt=MANAGE_SALT)


def manage_read(token: str) -> int:
    try:
        return int(signing.loads(token, salt=MANAGE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken(token) from error
