"""Officers' tokens on the API's writes: who a token acts as, and the answers when it cannot."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Event
from coproduce.staff.models import ApiToken
from coproduce.staff.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db

NEWS = {"title": "Bin day moves", "summary": "Collections move to Tuesday.", "body": "From May."}


def _token(user=None, **kwargs) -> tuple[object, str]:
    user = user or UserFactory(roles=[Role.OFFICER])
    row, token = api_token_create(user=user, name="Events system", **kwargs)
    return row, token


def _post(client, path, body, token=None, **extra):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(path, body, content_type="application/json", headers=headers, **extra)


def test_a_write_without_a_token_is_a_401_with_a_json_body(client):
    """No token: 401, a JSON body saying what to send, and WWW-Authenticate."""
    response = _post(client, "/api/v1/news/", NEWS)
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("bad", ["nonsense", "cpt_abcdef12_wrong", "cpt__", ""])
def test_a_wrong_token_is_a_401(client, bad):
    """A token that is not one we made gets nothing."""
    _token()
    assert _post(client, "/api/v1/news/", NEWS, token=bad or " ").status_code == 401


def test_a_token_with_a_right_prefix_but_wrong_secret_is_a_401(client):
    """The prefix only finds the row; the secret must match its hash."""
    row, _token_itself = _token()
    forged = f"cpt_{row.prefix}_{'A' * 43}"
    assert _post(client, "/api/v1/news/", NEWS, token=forged).status_code == 401


def test_a_revoked_token_is_a_401(client):
    row, token = _token()
    api_token_revoke(token=row, by=row.user)
    assert _post(client, "/api/v1/news/", NEWS, token=token).status_code == 401


def test_a_token_past_its_day_is_a_401(client):
    row, token = _token(expires_at=timezone.now() + timezone.timedelta(days=1))
    ApiToken.objects.filter(pk=row.pk).update(expires_at=timezone.now())
    assert _post(client, "/api/v1/news/", NEWS, token=token).status_code == 401


def test_a_token_of_an_officer_who_lost_the_role_does_nothing(client):
    """Permissions are read at each request: without the role, 403 and no post."""
    row, token = _token()
    row.user.groups.remove(Group.objects.get(name=Role.OFFICER))
    response = _post(client, "/api/v1/news/", NEWS, token=token)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not row.user.news_posts.exists()


def test_a_token_of_an_inactive_account_does_nothing(client):
    row, token = _token()
    row.user.is_active = False
    row.user.save()
    assert _post(client, "/api/v1/news/", NEWS, token=token).status_code == 403


def test_a_token_acts_as_its_officer_and_notes_when_it_was_used(client):
    row, token = _token()
    response = _post(client, "/api/v1/news/", NEWS, token=token)
    assert response.status_code == 201
    assert row.user.news_posts.get().title == "Bin day moves"
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_a_signed_in_session_cannot_write_without_a_token(client):
    """A browser's session cookie is never enough: cross-site forms cannot write (no CSRF)."""
    officer = UserFactory(roles=[Role.OFFICER])
    client.force_login(officer)
    response = _post(client, "/api/v1/news/", NEWS)
    assert response.status_code == 401
    assert not officer.news_posts.exists()


def test_a_token_write_needs_no_csrf_token(rf):
    """Scripts send no CSRF token; with the checks on, a token write still goes through."""
    from django.test import Client

    _row, token = _token()
    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, "/api/v1/news/", NEWS, token=token).status_code == 201


@override_settings(RATE_LIMITS={"api_write": "2/h", "news_publish": "30/d"})
def test_writes_are_limited_per_officer(client):
    """Past the limit: 429 with Retry-After, and nothing written."""
    _row, token = _token()
    for _ in range(2):
        assert _post(client, "/api/v1/news/", NEWS, token=token).status_code == 201
    response = _post(client, "/api/v1/news/", NEWS, token=token)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["detail"]


def test_a_malformed_body_is_a_400_naming_the_field(client):
    _row, token = _token()
    response = _post(client, "/api/v1/news/", {**NEWS, "title": ""}, token=token)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "title"
    assert Event.objects.count() == 0


def test_a_nul_character_in_a_body_is_a_400(client):
    """PostgreSQL cannot store a NUL: it is refused before any service sees it."""
    _row, token = _token()
    response = _post(client, "/api/v1/news/", {**NEWS, "body": "a\x00b"}, token=token)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_half_a_surrogate_pair_in_a_body_is_a_400(client):
    """JSON can escape a lone surrogate; it cannot be stored as UTF-8, so it is refused."""
    _row, token = _token()
    raw = '{"title": "a\\ud800", "summary": "s", "body": "b"}'
    response = client.post(
        "/api/v1/news/",
        raw,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "title"
