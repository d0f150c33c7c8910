import pytest
from django.db import InterfaceError, OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "accessibility", "privacy", "cookies"])
def test_public_pages_open_for_anyone(client, name):
    """The home page and the statement pages are open to everyone."""
    response = client.get(reverse(f"site:{name}"))
    assert response.status_code == 200
    assert b"Skip to main content" in response.content


def test_pages_have_a_strict_content_security_policy(client):
    """Pages forbid inline scripts and scripts from elsewhere."""
    policy = client.get(reverse("site:home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_footer_links_to_statements(client):
    """Every page links to the accessibility statement, privacy notice and cookies page."""
    body = client.get(reverse("site:home")).content.decode()
    for name in ["accessibility", "privacy", "cookies"]:
        assert f'href="{reverse(f"site:{name}")}"' in body


def test_no_crown_on_pages(client):
    """The crown is reserved for GOV.UK, so no page shows it."""
    body = client.get(reverse("site:home")).content.decode()
    assert "govuk-footer__crown" not in body
    assert "Crown copyright" not in body


def test_unknown_page_is_a_friendly_404(client):
    """A missing page says so in plain words."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


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

    from coproduce.site.views.errors import server_error

    request = rf.get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    assert len(queries) == 0


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database or disk is full"),
        OperationalError("connection to server on socket failed"),
        InterfaceError("connection already closed"),
    ],
)
def test_database_away_or_full_gives_503_page(rf, error):
    """A database that cannot be reached or written to is a passing state: 503, a page that
    says to try again (asking the database nothing), and when."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coproduce.site.views.errors import server_error

    request = rf.post("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        try:
            raise error
        except type(error):
            response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"Try again in a few minutes" in response.content
    assert str(error).encode() not in response.content
    assert len(queries) == 0


def test_other_errors_keep_the_500_page(rf):
    from django.contrib.auth.models import AnonymousUser

    from coproduce.site.views.errors import server_error

    request = rf.get("/")
    request.user = AnonymousUser()
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert not response.has_header("Retry-After")


def test_database_error_in_a_view_reaches_the_503_page(client, monkeypatch):
    """Through the whole stack: an uncaught OperationalError becomes the 503 page."""
    from coproduce.site.views import pages

    def broken():
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(pages.selectors, "borough_overview", broken)
    client.raise_request_exception = False
    response = client.get(reverse("site:home"))
    assert response.status_code == 503
    assert b"Sorry, the service is unavailable for a moment" in response.content


def test_decide_together_links_every_way_of_deciding(client):
    """The "Decide together" page is in the main sections and links each way of deciding."""
    body = client.get(reverse("site:home")).content.decode()
    assert f'href="{reverse("site:decide")}"' in body
    page = client.get(reverse("site:decide")).content.decode()
    for name in ["conversations:list", "surveys:list", "budgets:round_list", "gatherings:list"]:
        assert f'href="{reverse(name)}"' in page
    # and each way residents have a say in services, with the councillors of each ward
    for name in ["commissioning:list", "services:list", "shopping:list", "yousaid:list"]:
        assert f'href="{reverse(name)}"' in page
    assert f'href="{reverse("site:ward_list")}"' in page


def test_keep_in_touch_links_news_updates_and_champions(client):
    """ "Keep in touch" is in the main sections; a visitor sees the public ways, no staff tools."""
    body = client.get(reverse("site:home")).content.decode()
    assert f'href="{reverse("site:keep_in_touch")}"' in body
    page = client.get(reverse("site:keep_in_touch")).content.decode()
    for name in ["news:list", "subscriptions:start", "champions:coverage"]:
        assert f'href="{reverse(name)}"' in page
    assert reverse("offline:index") not in page
    assert reverse("insights:overview") not in page


def test_keep_in_touch_shows_officers_their_tools(client):
    """An officer is linked to news drafts, offline residents, letters and insights."""
    from coproduce.accounts.roles import Role
    from coproduce.accounts.services import user_set_roles
    from coproduce.accounts.tests.factories import UserFactory

    officer = UserFactory()
    user_set_roles(user=officer, roles=[Role.OFFICER])
    client.force_login(officer)
    page = client.get(reverse("site:keep_in_touch")).content.decode()
    for name in [
        "news:drafts",
        "champions:officer",
        "offline:index",
        "subscriptions:letters",
        "insights:overview",
        "impact:officer_borough",
    ]:
        assert f'href="{reverse(name)}"' in page
