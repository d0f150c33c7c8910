"""Pages of a project's evidence: uploads, downloads and their headers, who may see what,
figures and their history, the officers' measures and CSV, the pack, and personal data."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.projects import filetypes, services
from coproduce.projects.models import Document, Measure, OutcomeRecord

from . import files
from .factories import owned_project

pytestmark = pytest.mark.django_db


def _lead(project):
    return project.owners.get().user


def _document(project, *, name="plan.pdf", content=files.PDF, team_only=False, title="Plan"):
    return services.document_add(
        user=_lead(project),
        project=project,
        upload=files.upload(name, content),
        title=title,
        team_only=team_only,
    )


def _record(project, value="12", *, user=None):
    today = timezone.localdate()
    return services.outcome_record(
        user=user or _lead(project),
        project=project,
        measure=Measure.objects.get(name="People involved"),
        value=Decimal(value),
        period_start=today - datetime.timedelta(days=30),
        period_end=today - datetime.timedelta(days=1),
    )


def _day(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _upload(client, project, name, content, **extra):
    client.force_login(_lead(project))
    data = {"upload": files.upload(name, content), "title": "A file", **extra}
    return client.post(reverse("projects:document_new", args=[project.pk]), data)


# Uploading -------------------------------------------------------------------------------


def test_an_owner_uploads_a_good_file(client):
    """A real PDF is taken and the owner goes back to the project."""
    project = owned_project()
    response = _upload(client, project, "plan.pdf", files.PDF)
    assert response.status_code == 302
    assert Document.objects.get().title == "A file"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", files.HTML, "must be a PDF"),
        ("x.pdf.html", files.HTML, "must be a PDF"),
        ("drawing.svg", files.SVG, "must be a PDF"),
        ("drawing.txt", files.SVG, "is not a Text file"),
        ("fake.pdf", files.HTML, "is not a PDF file"),
        ("setup.exe", files.EXE, "must be a PDF"),
    ],
)
def test_risky_uploads_are_refused_with_a_clear_error(client, name, content, message):
    """HTML, SVG with script, programs, double extensions and disguised files are refused
    with an error on the file field; nothing is stored."""
    project = owned_project()
    response = _upload(client, project, name, content)
    assert response.status_code == 400
    assert message in response.text
    assert response.text.count("govuk-error-summary__title") == 1
    assert not Document.objects.exists()


def test_a_file_too_big_names_the_limit(client, monkeypatch):
    """Over the size limit, the error names the limit."""
    monkeypatch.setattr(filetypes, "MAX_BYTES", 100)
    monkeypatch.setattr(filetypes, "MAX_MB", 0.0001)
    project = owned_project()
    response = _upload(client, project, "big.pdf", files.PDF + b"0" * 200)
    assert response.status_code == 400
    assert "The file must be smaller than 0.0001 MB" in response.text
    assert not Document.objects.exists()


def test_only_owners_may_open_the_upload_page(client):
    """Signed out: sign in. Not an owner: 404. Owner: 200."""
    project = owned_project()
    url = reverse("projects:document_new", args=[project.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(_lead(project))
    assert client.get(url).status_code == 200


# Downloading -----------------------------------------------------------------------------


def test_a_download_has_safe_headers(client):
    """Always an attachment with a safe name, the right type, nosniff and a sandbox CSP."""
    project = owned_project()
    document = _document(project, name='Our "plan".pdf')
    response = client.get(reverse("projects:document_download", args=[project.pk, document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Our-plan.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == files.PDF


def test_text_is_sent_as_plain_text_to_download(client):
    """A text file goes as text/plain, never as a page."""
    project = owned_project()
    document = _document(project, name="notes.txt", content=b"Hello <b>there</b>")
    response = client.get(reverse("projects:document_download", args=[project.pk, document.pk]))
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment;")


def test_who_may_download_what(client):
    """A public project's document: anyone. Team only: its owners and officers, 404 to
    others. A hidden project's: only those who may still see the project."""
    project = owned_project()
    public, private = _document(project), _document(project, team_only=True, title="Budget")
    url = lambda d: reverse("projects:document_download", args=[project.pk, d.pk])  # noqa: E731
    assert client.get(url(public)).status_code == 200
    assert client.get(url(private)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url(private)).status_code == 404
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert client.get(url(private)).status_code == 200
    client.force_login(_lead(project))
    assert client.get(url(private)).status_code == 200
    project.is_hidden = True
    project.save()
    client.logout()
    assert client.get(url(public)).status_code == 404


def test_a_document_is_only_reached_through_its_own_project(client):
    """The project in the address must be the document's own."""
    project, other = owned_project(), owned_project()
    document = _document(project)
    response = client.get(reverse("projects:document_download", args=[other.pk, document.pk]))
    assert response.status_code == 404


def test_removing_a_document_is_for_owners(client):
    """Another person gets 404 and the document stays; the owner removes it."""
    project = owned_project()
    document = _document(project)
    url = reverse("projects:document_remove", args=[project.pk, document.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    assert Document.objects.exists()
    client.force_login(_lead(project))
    assert client.post(url).status_code == 302
    assert not Document.objects.exists()


# The project page and the pack -----------------------------------------------------------


def test_the_project_page_shows_documents_and_figures_to_each_viewer(client):
    """Visitors see public documents and the current figures; team-only ones are not
    listed for them but are for the owners."""
    project = owned_project(status="active")
    _document(project, title="Public plan")
    _document(project, title="Team budget", team_only=True)
    _record(project, "17")
    page = client.get(reverse("projects:detail", args=[project.pk])).text
    assert "Public plan" in page and "Team budget" not in page and "17 people" in page
    client.force_login(_lead(project))
    page = client.get(reverse("projects:detail", args=[project.pk])).text
    assert "Team budget" in page and "Record an outcome" in page


def test_the_pack_lists_public_documents(client):
    """The pack page and its PDF list the documents everyone may see, not team-only ones."""
    project = owned_project()
    _document(project, title="Site survey")
    _document(project, title="Team budget", team_only=True)
    page = client.get(reverse("projects:pack", args=[project.pk])).text
    assert "Site survey" in page and "Team budget" not in page
    pdf = client.get(reverse("projects:pack_pdf", args=[project.pk])).content
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Site survey" in text and "Team budget" not in text
    assert "Documents and data" in text


# Outcomes --------------------------------------------------------------------------------


def test_an_owner_records_and_corrects_a_figure(client):
    """Recording through the form, then correcting: both rows are in the history."""
    project = owned_project(status="active")
    client.force_login(_lead(project))
    today = timezone.localdate()
    start = today - datetime.timedelta(days=20)
    end = today - datetime.timedelta(days=1)
    data = {
        "measure": Measure.objects.get(name="Hours given").pk,
        "value": "40",
        **_day("period_start", start),
        **_day("period_end", end),
    }
    response = client.post(reverse("projects:outcome_new", args=[project.pk]), data)
    assert response.status_code == 302, response.text
    record = OutcomeRecord.objects.get()
    data["value"] = "44"
    response = client.post(reverse("projects:outcome_correct", args=[project.pk, record.pk]), data)
    assert response.status_code == 302
    assert OutcomeRecord.objects.count() == 2
    history = client.get(reverse("projects:outcomes", args=[project.pk])).text
    assert "40 hours" in history and "44 hours" in history and "Corrected" in history


def test_a_bad_figure_shows_one_error_summary(client):
    """A period that has not ended is refused on the form."""
    project = owned_project(status="active")
    client.force_login(_lead(project))
    later = timezone.localdate() + datetime.timedelta(days=5)
    data = {
        "measure": Measure.objects.get(name="Hours given").pk,
        "value": "4",
        **_day("period_start", later),
        **_day("period_end", later),
    }
    response = client.post(reverse("projects:outcome_new", args=[project.pk]), data)
    assert response.status_code == 400
    assert response.text.count("govuk-error-summary__title") == 1
    assert not OutcomeRecord.objects.exists()


def test_outcome_pages_are_for_owners(client):
    """History, recording, correcting and withdrawing: 404 to people who do not manage it."""
    project = owned_project(status="active")
    record = _record(project)
    client.force_login(UserFactory())
    for name, args in [
        ("projects:outcomes", [project.pk]),
        ("projects:outcome_new", [project.pk]),
        ("projects:outcome_correct", [project.pk, record.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    withdraw = reverse("projects:outcome_withdraw", args=[project.pk, record.pk])
    assert client.post(withdraw).status_code == 404
    record.refresh_from_db()
    assert record.is_current
    client.force_login(_lead(project))
    assert client.get(reverse("projects:outcomes", args=[project.pk])).status_code == 200
    assert client.post(withdraw).status_code == 302
    record.refresh_from_db()
    assert not record.is_current


def test_the_history_page_counts_its_queries(client):
    """The history page's queries do not grow with the number of records."""
    project = owned_project(status="active")
    _record(project, "1")
    client.force_login(_lead(project))
    url = reverse("projects:outcomes", args=[project.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for value in range(12):
        services.outcome_withdraw(user=_lead(project), record=_record(project, str(value)))
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(one) <= 16


# Officers: measures and the CSV ----------------------------------------------------------


def test_measures_and_the_csv_are_for_officers(client):
    """Residents and project owners get 404; officers see the pages."""
    project = owned_project(status="active")
    _record(project)
    urls = [
        reverse("projects:measures"),
        reverse("projects:measure_new"),
        reverse("projects:measure_edit", args=[Measure.objects.first().pk]),
        reverse("projects:outcomes_csv"),
    ]
    for person in [UserFactory(), _lead(project)]:
        client.force_login(person)
        assert [client.get(url).status_code for url in urls] == [404] * 4
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert [client.get(url).status_code for url in urls] == [200] * 4


def test_an_officer_adds_a_measure(client):
    """The form adds a measure to the list."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    data = {"name": "Food saved", "kind": "before_after", "unit": "kg", "is_active": "on"}
    response = client.post(reverse("projects:measure_new"), data)
    assert response.status_code == 302
    assert Measure.objects.get(name="Food saved").unit == "kg"


def test_the_csv_has_every_record_with_who_recorded_it(client):
    """Current, corrected and withdrawn figures, with who recorded each."""
    project = owned_project(status="active", title="=HYPERLINK(1)")
    lead = _lead(project)
    lead.display_name = "Robin Recorder"
    lead.save()
    first = _record(project, "5")
    today = timezone.localdate()
    services.outcome_correct(
        user=lead,
        record=first,
        value=Decimal("6"),
        period_start=first.period_start,
        period_end=first.period_end,
    )
    withdrawn = _record(project, "9")
    services.outcome_withdraw(user=lead, record=withdrawn)
    assert today
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    response = client.get(reverse("projects:outcomes_csv"))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["value"], r["status"]) for r in rows] == [
        ("5.00", "corrected"),
        ("6.00", "current"),
        ("9.00", "withdrawn"),
    ]
    assert rows[0]["project"] == "'=HYPERLINK(1)"  # not a formula in a spreadsheet
    assert all(r["recorded_by"] for r in rows)


# Personal data ---------------------------------------------------------------------------


def test_every_link_to_a_person_is_declared():
    """Every projects field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("projects.")] == []


def test_a_persons_download_has_their_documents_and_figures():
    """What they uploaded and recorded is in their download."""
    project = owned_project(status="active")
    _document(project, title="Site survey")
    _record(project, "7")
    data = personal_data_gather(_lead(project))
    assert data["documents_uploaded"][0]["title"] == "Site survey"
    assert str(data["outcome_figures_recorded"][0]["value"]) in ("7", "7.00")


def test_closing_an_account_keeps_the_figures_and_documents_without_the_person():
    """The figures and files stay with the project; the person is detached."""
    project = owned_project(status="active")
    lead = _lead(project)
    document = _document(project)
    record = _record(project, "7")
    services.outcome_withdraw(user=lead, record=_record(project, "8"))
    personal_data.account_close(user=lead, remove_comments=False)
    document.refresh_from_db()
    record.refresh_from_db()
    assert document.uploaded_by is None and record.recorded_by is None
    assert record.value == Decimal("7")
    assert not OutcomeRecord.objects.filter(superseded_by__isnull=False).exists()
