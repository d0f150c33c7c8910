"""Limits on the account pages that send email (RATE_LIMITS in settings)."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.models import User

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "You have done this too many times"


def test_ten_password_resets_for_one_address_send_three_emails(
    client, django_capture_on_commit_callbacks
):
    """Asked ten times for one address, three emails go; the fourth ask is a 429 page."""
    UserFactory(email="ada@example.org")
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(10):
            response = client.post(
                reverse("accounts:password_reset"),
                {"email": "ada@example.org"},
                REMOTE_ADDR=f"203.0.113.{n}",
            )
            statuses.append(response.status_code)
    assert statuses == [302] * 3 + [429] * 7
    assert len(mail.outbox) == 3
    assert TOO_MANY in response.text


def test_password_resets_from_one_network_address_are_limited(client, settings):
    """One network address asking for many addresses is stopped too."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset_ip": "2/h"}
    for n in range(2):
        response = client.post(reverse("accounts:password_reset"), {"email": f"p{n}@example.org"})
        assert response.status_code == 302
    response = client.post(reverse("accounts:password_reset"), {"email": "p9@example.org"})
    assert response.status_code == 429


def test_confirmation_resends_for_one_address_are_limited(
    client, django_capture_on_commit_callbacks
):
    """Ten resends of the confirmation email for one address send three emails."""
    User.objects.create_user(email="ada@example.org", password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(
                reverse("accounts:resend_verification"),
                {"email": "ada@example.org"},
                REMOTE_ADDR=f"203.0.113.{n}",
            ).status_code
            for n in range(10)
        ]
    assert statuses == [200] * 3 + [429] * 7
    assert len(mail.outbox) == 3


def test_sign_ups_from_one_network_address_are_limited(
    client, settings, django_capture_on_commit_callbacks
):
    """Past the sign-up limit for an address, the next sign-up is a 429 and sends nothing."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up": "1/h"}
    data = {"display_name": "Ada", "password": "a long passphrase of words"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("accounts:sign_up"), {**data, "email": "a@example.org"})
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(reverse("accounts:sign_up"), {**data, "email": "b@example.org"})
    assert first.status_code == 302
    assert second.status_code == 429
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    assert not User.objects.filter(email="b@example.org").exists()


def test_sign_ups_with_one_address_are_limited(client, django_capture_on_commit_callbacks):
    """Signing up again and again with someone's address emails them three times at most."""
    User.objects.create_user(email="ada@example.org", password=PASSWORD)
    data = {"display_name": "Ada", "password": "a long passphrase of words"}
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(
                reverse("accounts:sign_up"),
                {**data, "email": "ada@example.org"},
                REMOTE_ADDR=f"203.0.113.{n}",
            ).status_code
            for n in range(5)
        ]
    assert statuses == [302] * 3 + [429] * 2
    assert len(mail.outbox) == 3


def test_email_change_requests_are_limited(client, settings, django_capture_on_commit_callbacks):
    """A person asking to change their address again and again gets a 429 and no email."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "email_change": "2/h"}
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(
                reverse("accounts:change_email"),
                {"new_email": f"new{n}@example.org", "password": PASSWORD},
            ).status_code
            for n in range(3)
        ]
    assert statuses == [200, 200, 429]
    assert len(mail.outbox) == 2
