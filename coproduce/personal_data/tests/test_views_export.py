import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.personal_data.models import DataExport
from coproduce.personal_data.tokens import export_link_token

pytestmark = pytest.mark.django_db


def _ask(client, user, callbacks):
    client.force_login(user)
    with callbacks(execute=True):
        return client.post(reverse("personal_data:export_request"))


def test_your_data_page_needs_signing_in(client):
    """Someone signed out is sent to sign in."""
    response = client.get(reverse("personal_data:your_data"))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_your_data_page_shows_the_button(client):
    """A signed-in resident sees the button to ask for their data."""
    client.force_login(UserFactory())
    response = client.get(reverse("personal_data:your_data"))
    assert response.status_code == 200
    assert "Ask for a copy of your data" in response.content.decode()


def test_account_page_links_to_your_data(client):
    """The account page has the button and the link to the your data page."""
    client.force_login(UserFactory())
    page = client.get(reverse("accounts:account")).content.decode()
    assert reverse("personal_data:export_request") in page
    assert reverse("personal_data:your_data") in page


def test_asking_by_get_changes_nothing(client):
    """A GET to the request address makes no export."""
    client.force_login(UserFactory())
    assert client.get(reverse("personal_data:export_request")).status_code == 405
    assert not DataExport.objects.exists()


def test_asking_emails_a_link_that_downloads_the_zip(
    client, smtp_server, django_capture_on_commit_callbacks
):
    """The button queues the export; its link arrives by real SMTP and downloads a zip."""
    user = UserFactory(email="ada@example.org")
    response = _ask(client, user, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ada@example.org"
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"http\S+/download/\S+/", text).group(0)
    download = client.get(urlsplit(link).path)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert download.content.startswith(b"PK")
    assert "no-store" in download["Cache-Control"]


def test_the_link_does_not_work_for_someone_else(client, django_capture_on_commit_callbacks):
    """Another signed-in person following the link gets 403."""
    _ask(client, UserFactory(), django_capture_on_commit_callbacks)
    export = DataExport.objects.get()
    client.force_login(UserFactory())
    response = client.get(reverse("personal_data:download", args=[export_link_token(export.pk)]))
    assert response.status_code == 403


def test_the_link_needs_signing_in(client, django_capture_on_commit_callbacks):
    """Someone signed out following the link is sent to sign in."""
    _ask(client, UserFactory(), django_capture_on_commit_callbacks)
    client.logout()
    export = DataExport.objects.get()
    response = client.get(reverse("personal_data:download", args=[export_link_token(export.pk)]))
    assert response.status_code == 302


def test_an_expired_export_does_not_download(client, django_capture_on_commit_callbacks):
    """Once the export's time is up, its link answers 400 saying so."""
    user = UserFactory()
    _ask(client, user, django_capture_on_commit_callbacks)
    DataExport.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    export = DataExport.objects.get()
    response = client.get(reverse("personal_data:download", args=[export_link_token(export.pk)]))
    assert response.status_code == 400


def test_a_made_up_link_does_not_download(client):
    """A token we did not sign answers 400."""
    client.force_login(UserFactory())
    response = client.get(reverse("personal_data:download", args=["made-up"]))
    assert response.status_code == 400


def test_asking_twice_while_preparing_is_refused(client):
    """A second request while one is being prepared makes no second export."""
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("personal_data:export_request"))  # the task waits for commit
    client.post(reverse("personal_data:export_request"))
    assert DataExport.objects.count() == 1
