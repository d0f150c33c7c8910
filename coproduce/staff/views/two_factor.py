"""Setting up and using a second factor: an authenticator app, and recovery codes."""

from base64 import b32encode
from binascii import unhexlify
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.common.errors import NotAllowed, refusal_to_form, render_form

from .. import permissions, selectors, services
from ..forms import CodeForm

KEY_SESSION_KEY = "staff_totp_key"
FAILURES_SESSION_KEY = "staff_second_factor_failures"
# Wrong codes in one session before it is signed out; each device also slows down after
# every wrong code, so guessing a six-digit code is out of reach.
MAX_WRONG_CODES = 5


def _next(request) -> str:
    asked = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        asked, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return asked
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _staff_only(user) -> None:
    if not permissions.needs_second_factor(user):
        raise NotAllowed(_("Only staff accounts use two-factor sign-in here."))


def _wrong_code(request):
    """Count a wrong code; at the limit, sign the session out. A response when it is."""
    failures = request.session.get(FAILURES_SESSION_KEY, 0) + 1
    request.session[FAILURES_SESSION_KEY] = failures
    if failures < MAX_WRONG_CODES:
        return None
    user = request.user
    services.audit_record(
        actor=user, action="two_factor.too_many_wrong_codes", target=f"person {user.pk}"
    )
    logout(request)
    messages.error(request, _("You entered too many wrong codes. Sign in again."))
    return redirect("accounts:sign_in")


def _signed_in_with(request, device) -> None:
    django_otp.login(request, device)
    request.session.pop(FAILURES_SESSION_KEY, None)
    request.session.pop(KEY_SESSION_KEY, None)


def _qr_code(device: TOTPDevice) -> str:
    # segno (about 4 MiB) only draws this QR code, once per member of staff, so it is not
    # loaded by every web worker at start.
    import segno

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, light="#fff", title=_("QR code for your authenticator app")
    )


def _key_for_typing(key: str) -> str:
    text = b32encode(unhexlify(key)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    user = request.user
    _staff_only(user)
    has_app = selectors.has_second_factor(user)
    if has_app and not user.is_verified():
        # Changing the app needs the old one (or a recovery code) first: a password alone
        # must never be enough to take over a staff account's second factor.
        return redirect("staff:two_factor_verify")
    key = request.session.get(KEY_SESSION_KEY) or services.totp_key_new()
    request.session[KEY_SESSION_KEY] = key
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        with refusal_to_form(form):
            device, codes = services.totp_device_confirm(
                user=user, key=key, code=form.cleaned_data["code"]
            )
            _signed_in_with(request, device)
            return render(
                request,
                "staff/two_factor_recovery_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        if locked_out := _wrong_code(request):
            return locked_out
    unsaved = TOTPDevice(user=user, key=key)
    return render_form(
        request,
        "staff/two_factor_setup.html",
        {
            "form": form,
            "has_app": has_app,
            "qr_code": _qr_code(unsaved),
            "key_for_typing": _key_for_typing(key),
            "next": _next(request),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    user = request.user
    if not permissions.needs_second_factor(user) or user.is_verified():
        return redirect(_next(request))
    if not selectors.has_second_factor(user):
        query = urlencode({"next": _next(request)})
        return redirect(f"{resolve_url('staff:two_factor_setup')}?{query}")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        with refusal_to_form(form):
            device = services.second_factor_verify(user=user, code=form.cleaned_data["code"])
            _signed_in_with(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("You used a recovery code. It will not work again. Codes left: %(n)s.")
                    % {"n": device.token_set.count()},
                )
            return redirect(_next(request))
        if locked_out := _wrong_code(request):
            return locked_out
    return render_form(
        request, "staff/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@never_cache
@login_required
@require_POST
def recovery_codes_new(request):
    user = request.user
    _staff_only(user)
    if not user.is_verified():
        return redirect("staff:two_factor_verify")
    codes = services.recovery_codes_make(user=user)
    return render(
        request, "staff/two_factor_recovery_codes.html", {"codes": codes, "next": _next(request)}
    )
