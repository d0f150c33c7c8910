"""Every site path the README names answers: a page, or a sign-in step for staff pages.

The README is read as it is written: each `/path/` in backticks is requested, as a visitor
and signed in as an officer. Paths shown with placeholders (`<id>`, `...`) are left out."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parent.parent / "README.md"
PATH = re.compile(r"`(/[^`\s]*)`")
# Paths the README names that are not the application's to answer, and why.
NOT_THE_APP = {
    "/media/": "uploaded files, served by the web server or object storage in production",
    "/usr/bin/chromium": "a file on the machine, not a page",
}


def readme_paths() -> list[str]:
    found = []
    for path in PATH.findall(README.read_text()):
        if path in NOT_THE_APP or "..." in path or "<" in path:
            continue
        found.append(path)
    return sorted(set(found))


def test_the_readme_names_site_paths():
    paths = readme_paths()
    assert "/projects/" in paths
    assert len(paths) > 20


@pytest.mark.parametrize("path", readme_paths())
def test_every_readme_path_answers(client, path):
    response = client.get(path)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:sign_in")), path
    else:
        assert response.status_code == 200, f"{path} answered {response.status_code}"
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    response = client.get(path)
    assert response.status_code in (200, 302, 403), f"{path} answered {response.status_code}"
    if response.status_code == 302:
        assert response["Location"] != path
