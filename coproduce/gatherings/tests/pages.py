"""What the view tests share: reading a page as text, acting as one of a cast of people, and
checking an answer (a status code, or "sent to sign in")."""

from html import unescape

from django.urls import reverse

SIGN_IN = "sign in"


def text(response) -> str:
    return unescape(response.content.decode())


def as_role(client, cast, role: str):
    """The client, signed in as the cast member named by `role` (a visitor stays signed out)."""
    if role != "visitor":
        client.force_login(getattr(cast, role))
    return client


def check(response, expected) -> None:
    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))
    else:
        assert response.status_code == expected
