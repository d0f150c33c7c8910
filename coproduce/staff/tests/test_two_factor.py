from binascii import unhexlify

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.staff import services
from coproduce.staff.models import AuditEntry
from coproduce.staff.views.two_factor import KEY_SESSION_KEY, MAX_WRONG_CODES, _key_for_typing

pytestmark = pytest.mark.django_db

SETUP = reverse("staff:two_factor_setup")
VERIFY = reverse("staff:two_factor_verify")


def _code(key_hex: str) -> str:
    """The code an authenticator app holding this key shows now."""
    return f"{TOTP(unhexlify(key_hex)).token():06d}"


def _officer_with_app(client=None):
    officer = UserFactory(roles=[Role.OFFICER])
    device = TOTPDevice.objects.create(user=officer, name="App", confirmed=True)
    codes = services.recovery_codes_make(user=officer)
    if client is not None:
        client.force_login(officer)
    return officer, device, codes


# Setting up ------------------------------------------------------------------------------


def test_setup_shows_a_qr_code_and_the_key_in_text(client):
    """The page draws the QR code as inline SVG, and the key for typing."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    body = client.get(SETUP).content.decode()
    key = client.session[KEY_SESSION_KEY]
    typed = _key_for_typing(key)
    assert "<svg" in body and "<img" not in body.split("<svg")[1].split("</svg>")[0]
    assert typed in body


def test_setup_with_a_real_code_makes_the_device_and_shows_ten_recovery_codes(client):
    """A code worked out from the key confirms the app; ten recovery codes are shown once."""
    officer = UserFactory(roles=[Role.OFFICER])
    client.force_login(officer)
    client.get(SETUP)
    key = client.session[KEY_SESSION_KEY]
    response = client.post(SETUP, {"code": _code(key)})
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed and device.key == key
    tokens = list(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert len(tokens) == 10 and all(token in response.content.decode() for token in tokens)
    assert KEY_SESSION_KEY not in client.session
    assert AuditEntry.objects.filter(action="two_factor.set_up", actor=officer).exists()


def test_setup_with_a_wrong_code_makes_nothing(client):
    """A wrong code is an error on the form, and no device is made."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 400 and not TOTPDevice.objects.exists()


def test_residents_cannot_set_up(client):
    """Two-factor sign-in is for staff accounts: residents get 403."""
    client.force_login(UserFactory())
    assert client.get(SETUP).status_code == 403


def test_a_password_alone_cannot_replace_the_app(client):
    """With an app already set up, setting up another needs the session verified first."""
    _officer_with_app(client)
    assert client.get(SETUP).url == VERIFY


# Verifying -------------------------------------------------------------------------------


def test_verify_with_the_app_code_opens_the_next_page(client):
    """A right code from the app verifies the session and goes on to the page asked for."""
    _officer, device, _codes = _officer_with_app(client)
    response = client.post(VERIFY, {"code": _code(device.key), "next": "/staff/audit-log/"})
    assert response.url == "/staff/audit-log/"
    assert client.get(VERIFY).status_code == 302  # already verified: sent on


def test_verify_goes_nowhere_outside_the_site(client):
    """A `next` on another site is ignored."""
    _officer, device, _codes = _officer_with_app(client)
    response = client.post(VERIFY, {"code": _code(device.key), "next": "https://evil.example/"})
    assert response.url == reverse("mypage:your_page")


def test_a_recovery_code_works_once(client):
    """A recovery code verifies one session and is then spent."""
    officer, _device, codes = _officer_with_app(client)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.logout()
    client.force_login(officer)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 400
    assert AuditEntry.objects.filter(action="two_factor.recovery_code_used").count() == 1


def test_verify_without_an_app_sends_to_setup(client):
    """A staff account with nothing set up is sent to set it up."""
    client.force_login(UserFactory(roles=[Role.MODERATOR]))
    assert client.get(VERIFY).url.startswith(SETUP)


def test_too_many_wrong_codes_sign_the_session_out(client):
    """After the limit of wrong codes the person is signed out and it is logged."""
    officer, _device, _codes = _officer_with_app(client)
    for _attempt in range(MAX_WRONG_CODES - 1):
        assert client.post(VERIFY, {"code": "12345x"}).status_code == 400
    response = client.post(VERIFY, {"code": "12345x"})
    assert response.url == reverse("accounts:sign_in")
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="two_factor.too_many_wrong_codes", actor=officer)


def test_wrong_app_codes_slow_the_device_down(client):
    """Each wrong app code counts against the device (django-otp's throttling)."""
    _officer, device, _codes = _officer_with_app(client)
    client.post(VERIFY, {"code": "000000" if _code(device.key) != "000000" else "111111"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_new_recovery_codes_replace_the_old(client):
    """A verified officer can get new codes; the old ones stop working."""
    _officer, device, codes = _officer_with_app(client)
    client.post(VERIFY, {"code": _code(device.key)})
    response = client.post(reverse("staff:recovery_codes_new"))
    assert response.status_code == 200
    assert not StaticToken.objects.filter(token__in=codes).exists()
    assert StaticToken.objects.count() == 10
