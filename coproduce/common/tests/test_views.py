import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "accessibility", "privacy", "cookies"])
def test_public_pages_open_for_anyone(client, name):
    """The home page and the statement pages are open to everyone."""
    response = client.get(reverse(f"common:{name}"))
    assert response.status_code == 200
    assert b"Skip to main content" in response.content


def test_pages_have_a_strict_content_security_policy(client):
    """Pages forbid inline scripts and scripts from elsewhere."""
    policy = client.get(reverse("common:home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_footer_links_to_statements(client):
    """Every page links to the accessibility statement, privacy notice and cookies page."""
    body = client.get(reverse("common:home")).content.decode()
    for name in ["accessibility", "privacy", "cookies"]:
        assert f'href="{reverse(f"common:{name}")}"' in body


def test_branding_css_uses_the_council_colour(client, settings):
    """The accent colour comes from settings."""
    settings.COUNCIL_ACCENT_COLOUR = "#123456"
    response = client.get(reverse("common:branding_css"))
    assert response["Content-Type"].startswith("text/css")
    assert b"#123456" in response.content


def test_no_crown_on_pages(client):
    """The crown is reserved for GOV.UK, so no page shows it."""
    body = client.get(reverse("common:home")).content.decode()
    assert "govuk-footer__crown" not in body
    assert "Crown copyright" not in body


def test_unknown_page_is_a_friendly_404(client):
    """A missing page says so in plain words."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_healthz_answers(client):
    """The liveness check answers without touching anything else."""
    response = client.get(reverse("common:healthz"))
    assert response.json() == {"status": "ok"}


def test_readyz_checks_database_and_migrations(client):
    """The readiness check reports the database and migrations as ready."""
    response = client.get(reverse("common:readyz"))
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok"}


def test_readyz_reports_pending_migrations(client, monkeypatch):
    """The readiness check fails, with a reason, while migrations are pending."""
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    response = client.get(reverse("common:readyz"))
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 not applied"


def test_form_without_security_token_gets_a_plain_403(client):
    """A form sent without its CSRF token gets a plain-English 403, and nothing happens."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts:sign_up"), {"email": "a@example.org"})
    assert response.status_code == 403
    assert b"Your form could not be sent" in response.content


def test_server_error_page_needs_no_database(rf):
    """The 500 page renders without asking the database anything."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coproduce.common.views.errors import server_error

    request = rf.get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    assert len(queries) == 0


def test_plain_language_advice_flags_jargon_and_gives_a_reading_age(client):
    """Signed-in writers get advice as JSON; the text is not stored anywhere."""
    import json

    from coproduce.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    text = "We are embedding community decisions into the procurement process."
    response = client.post(
        "/writing/advice", json.dumps({"text": text}), content_type="application/json"
    )
    data = response.json()
    assert response.status_code == 200
    assert data["reading_age"] > data["target_reading_age"]
    assert any("procurement process" in flag["text"] for flag in data["flags"])
    assert all(flag["message"] for flag in data["flags"])


@pytest.mark.parametrize(
    ("body", "status"),
    [("not json", 400), ('{"text": 5}', 400), ('{"text": "' + "a" * 20001 + '"}', 400)],
)
def test_plain_language_advice_refuses_bad_input(client, body, status):
    """Bad JSON, a non-string and very long text get a 400 with a reason."""
    from coproduce.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post("/writing/advice", body, content_type="application/json")
    assert response.status_code == status
    assert response.json()["error"]


def test_plain_language_advice_needs_sign_in_and_post(client):
    """Visitors are sent to sign in; GET is not allowed."""
    assert client.post("/writing/advice", "{}", content_type="application/json").status_code == 302
    from coproduce.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/writing/advice").status_code == 405
