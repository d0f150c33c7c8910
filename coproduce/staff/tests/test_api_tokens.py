"""Officers' API tokens: making, revoking and using them (services), the page (views), and
the person's data (export and erasure)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.services import account_close
from coproduce.staff import services
from coproduce.staff.models import ApiToken, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[Role.OFFICER])


# Services -----------------------------------------------------------------------------------
def test_a_token_is_kept_only_as_a_hash(officer):
    """The row holds the prefix and a SHA-256 digest, never the token."""
    row, token = services.api_token_create(user=officer, name="Events system")
    assert token.startswith(f"cpt_{row.prefix}_")
    assert token not in {row.digest, row.prefix}
    assert len(row.digest) == 64
    assert AuditEntry.objects.filter(action="api_token.made", actor=officer).exists()


def test_a_resident_cannot_make_a_token():
    with pytest.raises(NotAllowed):
        services.api_token_create(user=UserFactory(), name="Mine")


@pytest.mark.parametrize("days", [0, -1, 400])
def test_a_token_stops_working_after_today_and_within_a_year(officer, days):
    with pytest.raises(Refusal):
        services.api_token_create(
            user=officer, name="x", expires_at=timezone.now() + timedelta(days=days)
        )


def test_an_officer_has_at_most_ten_working_tokens(officer):
    for number in range(services.MAX_LIVE_TOKENS):
        services.api_token_create(user=officer, name=f"t{number}")
    with pytest.raises(Refusal):
        services.api_token_create(user=officer, name="one more")


def test_a_secret_holding_underscores_still_works(officer):
    """token_urlsafe may give "_": only the first two underscores split the token."""
    with mock.patch("secrets.token_urlsafe", return_value="a_b_c" * 8):
        _row, token = services.api_token_create(user=officer, name="x")
    assert services.api_token_use(token=token) == officer


def test_using_a_token_notes_when_at_most_once_a_minute(officer):
    row, token = services.api_token_create(user=officer, name="x")
    now = timezone.now()
    services.api_token_use(token=token, now=now)
    services.api_token_use(token=token, now=now + timedelta(seconds=30))
    row.refresh_from_db()
    assert row.last_used_at == now
    services.api_token_use(token=token, now=now + timedelta(minutes=2))
    row.refresh_from_db()
    assert row.last_used_at == now + timedelta(minutes=2)


def test_only_its_officer_can_revoke_a_token(officer):
    row, token = services.api_token_create(user=officer, name="x")
    with pytest.raises(NotAllowed):
        services.api_token_revoke(token=row, by=UserFactory(roles=[Role.OFFICER]))
    services.api_token_revoke(token=row, by=officer)
    assert services.api_token_use(token=token) is None


# Views --------------------------------------------------------------------------------------
def test_the_tokens_page_is_for_officers_only(client):
    url = reverse("staff:api_tokens")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_a_new_token_is_shown_once(client, officer):
    client.force_login(officer)
    url = reverse("staff:api_tokens")
    response = client.post(url, {"name": "Events system"})
    assert response.status_code == 200
    token = response.context["made"]["token"]
    assert token in response.content.decode()
    page = client.get(url).content.decode()
    assert "Events system" in page
    assert token not in page


def test_a_token_without_a_name_is_a_form_error(client, officer):
    client.force_login(officer)
    response = client.post(reverse("staff:api_tokens"), {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoking_needs_a_post_and_ones_own_token(client, officer):
    row, _token = services.api_token_create(user=officer, name="x")
    url = reverse("staff:api_token_revoke", args=[row.pk])
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert client.post(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None


# The person's data --------------------------------------------------------------------------
def test_tokens_are_in_the_export_without_their_hash(officer):
    services.api_token_create(user=officer, name="Events system")
    exported = personal_data_gather(officer)["api_tokens"]
    assert [item["name"] for item in exported] == ["Events system"]
    assert "digest" not in exported[0]


def test_closing_the_account_deletes_its_tokens(officer):
    services.api_token_create(user=officer, name="x")
    account_close(user=officer, remove_comments=False)
    assert not ApiToken.objects.filter(user=officer).exists()
