import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/gatherings/barriers/?q=%00",
        "/gatherings/invite/a%00b/",
        "/gatherings/calendar/a%00b.ics",
        "/projects/?q=a%00",
        "/gatherings/?%00=1",
    ],
)
def test_a_nul_character_in_a_link_is_a_400_with_a_reason(client, url):
    """A crafted %00 anywhere in the address is refused plainly, never a 500 (PostgreSQL)."""
    response = client.get(url)
    assert response.status_code == 400
    assert "The web address holds a character we cannot accept." in response.content.decode()


def test_a_nul_character_in_a_form_is_a_400(client):
    """The same for a form's fields."""
    response = client.post("/account/sign-in/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 400
    assert "The form holds a character we cannot accept." in response.content.decode()


def test_ordinary_requests_pass(client):
    """Everything else goes through as before."""
    assert client.get("/gatherings/barriers/?q=space").status_code == 200
