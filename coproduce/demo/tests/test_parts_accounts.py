from base64 import b32decode

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo import services
from coproduce.demo.parts.accounts import DEMO_TOTP_KEY, email_for
from coproduce.demo.tests.factories import TINY

pytestmark = pytest.mark.django_db


def _build(lines: list[str]) -> None:
    services.demo_build(services.demo_context(size=TINY, seed=1, write=lines.append))


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
@pytest.mark.parametrize("role", [Role.OFFICER, Role.MODERATOR, Role.ADMINISTRATOR])
def test_demo_staff_sign_in_with_the_published_key(client, role):
    """Each demo staff account accepts a code from the key the build prints."""
    lines: list[str] = []
    _build(lines)
    assert any(DEMO_TOTP_KEY in line for line in lines)
    client.force_login(User.objects.get(email=email_for(role)))
    code = f"{TOTP(b32decode(DEMO_TOTP_KEY)).token():06d}"
    assert client.post(reverse("staff:two_factor_verify"), {"code": code}).status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_the_demo_resident_is_not_asked_for_a_code(client):
    """The demo resident opens pages straight after signing in."""
    _build([])
    client.force_login(User.objects.get(email=email_for(Role.RESIDENT)))
    assert client.get(reverse("accounts:account")).status_code == 200
