import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects import services
from coproduce.projects.models import Owner

from .factories import owned_project

pytestmark = pytest.mark.django_db


def _pdf_text(client, project) -> str:
    response = client.get(reverse("projects:pack_pdf", args=[project.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_opens_and_holds_the_current_data(client):
    """The PDF is made from the data as it is now, parameters and needs included."""
    owner = UserFactory(display_name="Ada Lead")
    project = owned_project(
        owner=owner,
        title="Canal orchard",
        open_to_shape="Which trees to plant",
        parameters_published_at="2026-01-01T00:00:00Z",
    )
    services.project_need_add(user=owner, project=project, title="Diggers", skills=[], hours=6)
    text = _pdf_text(client, project)
    assert "Canal orchard" in text and "Which trees to plant" in text and "Diggers" in text
    services.update_post(user=owner, project=project, title="Trees delivered", body="All 12.")
    assert "Trees delivered" in _pdf_text(client, project)


def test_contacts_appear_only_with_consent(client):
    """An owner's email is in the pack (page and PDF) only after they said yes."""
    owner = UserFactory(email="ada@example.org", display_name="Ada Lead")
    project = owned_project(owner=owner)
    page = client.get(reverse("projects:pack", args=[project.pk])).text
    assert "ada@example.org" not in page
    assert "ada@example.org" not in _pdf_text(client, project)
    client.force_login(owner)
    client.post(reverse("projects:contact_consent", args=[project.pk]), {"share": "yes"})
    assert Owner.objects.get(project=project).share_contact
    client.logout()
    assert "ada@example.org" in client.get(reverse("projects:pack", args=[project.pk])).text
    assert "ada@example.org" in _pdf_text(client, project)


def test_a_hidden_project_has_no_pack(client):
    """Hidden projects give 404 for the page and the PDF."""
    project = owned_project(is_hidden=True)
    assert client.get(reverse("projects:pack", args=[project.pk])).status_code == 404
    assert client.get(reverse("projects:pack_pdf", args=[project.pk])).status_code == 404


def test_only_the_owner_sets_their_own_consent(client):
    """Someone who is not an owner cannot set consent: 404."""
    project = owned_project()
    client.force_login(UserFactory())
    response = client.post(reverse("projects:contact_consent", args=[project.pk]), {"share": "yes"})
    assert response.status_code == 404
