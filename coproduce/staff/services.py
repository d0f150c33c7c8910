"""Writes of the staff app: the audit log's one writer, and second factors."""

import hashlib
import hmac
import secrets
import time
from binascii import unhexlify
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from coproduce.common.errors import NotAllowed, Refusal

from . import permissions
from .models import ApiToken, AuditEntry


@transaction.atomic
def audit_record(*, actor, action: str, target: str = "", detail: dict | None = None) -> AuditEntry:
    """Add one entry to the audit log, and return it.

    `actor` is the account that acted (None for the system); `action` a short dotted code
    such as "moderation.comment_hidden"; `target` says what or whom it was done to, in words
    ("Comment 12 on project 3", "person 45"); `detail` anything else worth keeping, as JSON.
    The entry can never be changed or removed afterwards.
    """
    if not action or len(action) > 64:
        raise ValueError("An audit action is a code of 1 to 64 characters.")
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    detail_kept: dict[str, Any] = dict(detail or {})
    return AuditEntry.objects.create(
        actor=actor if signed_in else None,
        actor_email=getattr(actor, "email", "") if signed_in else "",
        action=action,
        target=str(target)[:300],
        detail=detail_kept,
    )


# Second factors -----------------------------------------------------------------------------
RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def totp_key_new() -> str:
    """A new random key for an authenticator app, as hex (what a TOTP device stores)."""
    return random_hex(20)


def _totp_matches(*, key: str, code: str) -> bool:
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return False
    totp = TOTP(unhexlify(key))
    totp.time = time.time()
    return totp.verify(int(code), tolerance=1)


@transaction.atomic
def totp_device_confirm(*, user, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Make `key` the person's authenticator, once `code` shows their app holds it, and give
    them new recovery codes. Any earlier authenticator and recovery codes stop working.

    Returns the device and the recovery codes, which are shown once and never again.
    """
    if not _totp_matches(key=key, code=code):
        raise Refusal(
            _("That code is not right. Check the time on your phone, and try the newest code."),
            field="code",
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=True)
    device.last_t = TOTP(device.bin_key).t()  # the code just used cannot be used again
    device.save()
    codes = recovery_codes_make(user=user)
    audit_record(actor=user, action="two_factor.set_up", target=f"person {user.pk}")
    return device, codes


@transaction.atomic
def totp_device_install(*, user, key: str) -> TOTPDevice:
    """Give the person an authenticator with a key that is already known, asking no code.

    For the demo borough only, whose key is published: real accounts use
    `totp_device_confirm`, which proves the person's app holds a key only they have seen.
    """
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=True)


@transaction.atomic
def recovery_codes_make(*, user) -> list[str]:
    """Ten new single-use recovery codes for the person, in place of any they had."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, user, code: str) -> Device:
    """The device that accepts `code`: the authenticator app, or a recovery code, which is
    then spent. Each device slows down after wrong codes (django-otp's throttling): the
    count of wrong codes is kept even though the refusal is raised."""
    code = code.strip().lower()
    # Six digits are for the app; anything else can only be a recovery code. Trying each
    # only where it can match keeps a recovery code from slowing down the app, and so on.
    if code.isascii() and code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
    elif code.isascii() and code.isalnum():
        devices = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)
    else:
        devices = TOTPDevice.objects.none()
    with transaction.atomic():
        device = next((d for d in devices if d.verify_token(code)), None)
        if isinstance(device, StaticDevice):
            audit_record(
                actor=user,
                action="two_factor.recovery_code_used",
                target=f"person {user.pk}",
                detail={"codes_left": device.token_set.count()},
            )
    if device is None:
        raise Refusal(
            _(
                "That code is not right. After a wrong code, wait a few seconds, "
                "then try the newest code."
            ),
            field="code",
        )
    return device


# API tokens (ADR 0033) -------------------------------------------------------------------
TOKEN_START = "cpt_"
PREFIX_BYTES = 4  # 8 hex characters: enough to find the row, never enough to use it
SECRET_BYTES = 32
MAX_LIVE_TOKENS = 10
LONGEST_TOKEN_LIFE = timedelta(days=366)
# A token's "last used" is written at most this often, so a busy script does not write a row
# on every request.
LAST_USED_EVERY = timedelta(minutes=1)


def _digest(token: str) -> str:
    # The secret is 256 random bits, so a fast hash is enough: nothing can be guessed.
    return hashlib.sha256(token.encode()).hexdigest()


def _prefix_of(token: str) -> str | None:
    parts = token.split("_", 2)  # the secret may hold "_" too; the prefix is hex
    if len(parts) != 3 or f"{parts[0]}_" != TOKEN_START or not parts[1] or not parts[2]:
        return None
    return parts[1]


@transaction.atomic
def api_token_create(
    *, user, name: str, expires_at: datetime | None = None, now: datetime | None = None
) -> tuple[ApiToken, str]:
    """Make an API token for an officer who may write through the API. Returns the row and
    the token itself, which is kept only as a hash and so can never be shown again."""
    now = now or timezone.now()
    if not permissions.can_write_through_api(user):
        raise NotAllowed(_("Only council officers who may write through the API can do this."))
    name = name.strip()
    if not name:
        raise Refusal(_("Give the token a name, so you know what uses it."), field="name")
    if expires_at is not None and expires_at <= now:
        raise Refusal(_("Choose a day after today for it to stop working."), field="expires_on")
    if expires_at is not None and expires_at - now > LONGEST_TOKEN_LIFE:
        raise Refusal(_("A token can work for at most a year."), field="expires_on")
    live = ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    if sum(1 for token in live if token.works_at(now)) >= MAX_LIVE_TOKENS:
        raise Refusal(
            _("You have %(count)s tokens that work. Revoke one you no longer use first.")
            % {"count": MAX_LIVE_TOKENS}
        )
    prefix = secrets.token_hex(PREFIX_BYTES)
    token = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    row = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        digest=_digest(token),
        created_at=now,
        expires_at=expires_at,
    )
    audit_record(
        actor=user,
        action="api_token.made",
        target=f"person {user.pk}",
        detail={"token": prefix, "name": name},
    )
    return row, token


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by, now: datetime | None = None) -> ApiToken:
    """Stop a token working, for good. Only its officer may; revoking twice does nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if by is None or token.user_id != by.pk:
        raise NotAllowed(_("You can only revoke your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=by,
            action="api_token.revoked",
            target=f"person {by.pk}",
            detail={"token": token.prefix, "name": token.name},
        )
    return token


class TokenRefused(Exception):
    """The token is known and works, but its officer may not write through the API now."""


def api_token_use(*, token: str, now: datetime | None = None):
    """The officer a token acts as, or None for a token that is unknown, revoked or past its
    day. Raises TokenRefused when the officer's account is inactive or no longer holds the
    permission: the token does nothing, whatever it once could. Notes when it was used."""
    now = now or timezone.now()
    prefix = _prefix_of(token)
    if prefix is None:
        return None
    row = ApiToken.objects.filter(prefix=prefix).select_related("user").first()
    if row is None or not hmac.compare_digest(row.digest, _digest(token)):
        return None
    if not row.works_at(now):
        return None
    # A fresh account from the database: permissions are as they are at this request.
    user = get_user_model().objects.get(pk=row.user_id)
    if not permissions.can_write_through_api(user):
        raise TokenRefused(row.prefix)
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return user
