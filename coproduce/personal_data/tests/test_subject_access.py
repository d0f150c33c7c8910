import io
import json
import re
import zipfile
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.personal_data import services
from coproduce.personal_data.models import DataExport
from coproduce.personal_data.tokens import export_link_token
from coproduce.staff.models import AuditEntry

pytestmark = pytest.mark.django_db


def officer(**kwargs):
    user = UserFactory(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="answer_subject_access"))
    return user


def test_a_resident_cannot_open_the_tool(client):
    """A resident gets 403 from the subject access page."""
    client.force_login(UserFactory())
    assert client.get(reverse("personal_data:subject_access")).status_code == 403
    assert client.post(reverse("personal_data:subject_access")).status_code == 403


def test_signed_out_is_sent_to_sign_in(client):
    """Someone signed out is sent to sign in."""
    assert client.get(reverse("personal_data:subject_access")).status_code == 302


def test_an_officer_sees_the_form(client):
    """An officer with the permission sees the email and reason fields."""
    client.force_login(officer())
    page = client.get(reverse("personal_data:subject_access")).content.decode()
    assert 'name="email"' in page and 'name="reason"' in page


def test_a_resident_cannot_use_the_service():
    """The service refuses someone without the permission."""
    with pytest.raises(NotAllowed):
        services.subject_access_request(
            officer=UserFactory(), email=UserFactory().email, reason="SAR 1"
        )


def test_an_unknown_address_is_refused():
    """An address with no account is an error on the form's email field."""
    with pytest.raises(Refusal) as refusal:
        services.subject_access_request(officer=officer(), email="nobody@x.org", reason="SAR 1")
    assert refusal.value.field == "email"


def test_the_officer_gets_the_persons_zip_and_both_steps_are_logged(
    client, smtp_server, django_capture_on_commit_callbacks
):
    """The link goes to the officer by real SMTP, downloads the person's data, and the
    request and the download are in the audit log with the reason."""
    asker = officer(email="officer@council.example")
    person = UserFactory(email="Resident@Example.org", display_name="Rita")
    client.force_login(asker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("personal_data:subject_access"),
            {"email": "resident@example.org", "reason": "SAR 2026-14"},
        )
    assert response.status_code == 302
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "officer@council.example"
    link = re.search(r"http\S+/download/\S+/", message.get_body(("plain",)).get_content())
    download = client.get(urlsplit(link.group(0)).path)
    assert download.status_code == 200
    data = json.loads(zipfile.ZipFile(io.BytesIO(download.content)).read("data.json"))
    assert data["account"][0]["display_name"] == "Rita"
    actions = dict(AuditEntry.objects.values_list("action", "target"))
    assert actions["personal_data.subject_access_requested"] == f"person {person.pk}"
    assert actions["personal_data.subject_access_downloaded"] == f"person {person.pk}"
    entry = AuditEntry.objects.get(action="personal_data.subject_access_requested")
    assert entry.detail["reason"] == "SAR 2026-14"
    assert DataExport.objects.get().recipient == asker


def test_the_person_cannot_use_the_officers_link(client, django_capture_on_commit_callbacks):
    """The person whose data it is cannot download the officer's copy."""
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        export = services.subject_access_request(
            officer=officer(), email=person.email, reason="SAR"
        )
    client.force_login(person)
    url = reverse("personal_data:download", args=[export_link_token(export.pk)])
    assert client.get(url).status_code == 403
