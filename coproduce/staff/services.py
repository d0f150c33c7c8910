"""Writes of the staff app: the audit log's one writer, and second factors."""

import time
from binascii import unhexlify
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from coproduce.common.errors import Refusal

from .models import AuditEntry


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
