import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_branding_css_uses_the_council_colour(client, settings):
    """The accent colour comes from settings."""
    settings.COUNCIL_ACCENT_COLOUR = "#123456"
    response = client.get(reverse("common:branding_css"))
    assert response["Content-Type"].startswith("text/css")
    assert b"#123456" in response.content


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
