"""Opening your page and reading its sections, for the page's tests."""

URL = "/your-page/"


def page_of(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response


def section(response, key):
    """The section with this key, or None when the page leaves it out."""
    return next((s for s in response.context["page"].sections if s.key == key), None)


def keys(response) -> list[str]:
    return [s.key for s in response.context["page"].sections]
