"""The evidence services: documents, outcome figures and their history, measures."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.projects import services
from coproduce.projects.filetypes import FileRefused
from coproduce.projects.models import Document, Measure, OutcomeRecord
from coproduce.projects.services import evidence

from . import files
from .factories import owned_project

pytestmark = pytest.mark.django_db


def _lead(project):
    return project.owners.get().user


def _days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _people():
    return Measure.objects.get(name="People involved")


def test_an_owner_adds_a_document_stored_under_a_random_name():
    """The stored name is random and the download name safe; the content is kept as it was."""
    project = owned_project()
    document = services.document_add(
        user=_lead(project),
        project=project,
        upload=files.upload("Our plan (final).pdf", files.PDF),
        title="Plan",
    )
    assert "plan" not in document.file.name.lower()
    assert document.file.name.startswith(f"project-documents/{project.pk}/")
    assert document.file.name.endswith(".pdf")
    assert document.download_name == "Our-plan-final.pdf"
    assert document.uploaded_by == _lead(project) and document.size == len(files.PDF)
    with document.file.open("rb") as stored:
        assert stored.read() == files.PDF


def test_someone_else_cannot_add_a_document():
    """Only people who manage the project may attach files."""
    project = owned_project()
    with pytest.raises(NotAllowed):
        services.document_add(
            user=UserFactory(), project=project, upload=files.upload("a.pdf", files.PDF), title="A"
        )
    assert not Document.objects.exists()


def test_html_disguised_as_pdf_is_refused_and_nothing_stored():
    """The service checks content too, not only the form."""
    project = owned_project()
    with pytest.raises(FileRefused):
        services.document_add(
            user=_lead(project),
            project=project,
            upload=files.upload("a.pdf", files.HTML),
            title="A",
        )
    assert not Document.objects.exists()


def test_images_are_saved_again_without_metadata():
    """A PNG is re-encoded by Pillow (metadata such as a camera's location is dropped)."""
    project = owned_project()
    document = services.document_add(
        user=_lead(project), project=project, upload=files.upload("p.png", files.png()), title="P"
    )
    assert document.kind == "png"
    with document.file.open("rb") as stored:
        assert stored.read().startswith(b"\x89PNG")


def test_removing_a_document_deletes_its_file(django_capture_on_commit_callbacks):
    """The row goes, and the stored file after the commit."""
    project = owned_project()
    document = services.document_add(
        user=_lead(project), project=project, upload=files.upload("a.csv", files.CSV), title="A"
    )
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.document_remove(user=_lead(project), document=document)
    assert not Document.objects.exists() and not storage.exists(name)


def test_a_project_holds_a_limited_number_of_documents(monkeypatch):
    """Past the limit, adding another is refused with the limit named."""
    monkeypatch.setattr(evidence, "MAX_DOCUMENTS", 1)
    project = owned_project()
    lead = _lead(project)
    services.document_add(user=lead, project=project, upload=files.upload("a.txt", b"a"), title="A")
    with pytest.raises(Refusal, match="up to 1 documents"):
        services.document_add(
            user=lead, project=project, upload=files.upload("b.txt", b"b"), title="B"
        )


def test_recording_a_figure_keeps_who_and_when():
    """A figure records the person, the time, the period and the measure."""
    project = owned_project(status="active")
    before = timezone.now()
    record = services.outcome_record(
        user=_lead(project),
        project=project,
        measure=_people(),
        value=Decimal("14"),
        period_start=_days_ago(30),
        period_end=_days_ago(1),
    )
    assert record.recorded_by == _lead(project) and record.recorded_at >= before
    assert record.is_current and record.shown == "14 people"


def test_a_correction_keeps_the_old_figure():
    """Correcting makes a new record; the old one is kept, marked as replaced, not edited."""
    project = owned_project(status="active")
    lead = _lead(project)
    old = services.outcome_record(
        user=lead,
        project=project,
        measure=_people(),
        value=Decimal("14"),
        period_start=_days_ago(30),
        period_end=_days_ago(1),
    )
    new = services.outcome_correct(
        user=lead,
        record=old,
        value=Decimal("41"),
        period_start=_days_ago(30),
        period_end=_days_ago(1),
    )
    old.refresh_from_db()
    assert old.value == Decimal("14") and not old.is_current and old.superseded_by == lead
    assert new.replaces == old and new.is_current
    assert list(project.outcomes.filter(superseded_at__isnull=True)) == [new]
    with pytest.raises(Refusal, match="already been corrected"):
        services.outcome_correct(
            user=lead,
            record=old,
            value=Decimal("1"),
            period_start=_days_ago(3),
            period_end=_days_ago(1),
        )


def test_withdrawing_keeps_the_record():
    """A withdrawn figure stops counting but stays."""
    project = owned_project(status="active")
    lead = _lead(project)
    record = services.outcome_record(
        user=lead,
        project=project,
        measure=_people(),
        value=Decimal("3"),
        period_start=_days_ago(3),
        period_end=_days_ago(1),
    )
    services.outcome_withdraw(user=lead, record=record)
    record.refresh_from_db()
    assert not record.is_current and OutcomeRecord.objects.count() == 1


def test_figures_are_checked():
    """Periods in the future or back to front, negative counts, and a missing "before"
    are refused; only owners may record."""
    project = owned_project(status="active")
    lead = _lead(project)
    args = {"project": project, "value": Decimal("5")}
    with pytest.raises(Refusal, match="must have ended"):
        services.outcome_record(
            user=lead,
            measure=_people(),
            period_start=_days_ago(1),
            period_end=timezone.localdate() + datetime.timedelta(days=2),
            **args,
        )
    with pytest.raises(Refusal, match="on or after"):
        services.outcome_record(
            user=lead,
            measure=_people(),
            period_start=_days_ago(1),
            period_end=_days_ago(5),
            **args,
        )
    with pytest.raises(Refusal, match="less than zero"):
        services.outcome_record(
            user=lead,
            project=project,
            measure=_people(),
            value=Decimal("-1"),
            period_start=_days_ago(5),
            period_end=_days_ago(1),
        )
    waste = Measure.objects.create(name="Waste", kind=Measure.Kind.BEFORE_AFTER, unit="kg")
    with pytest.raises(Refusal, match="figure before"):
        services.outcome_record(
            user=lead, measure=waste, period_start=_days_ago(5), period_end=_days_ago(1), **args
        )
    with pytest.raises(NotAllowed):
        services.outcome_record(
            user=UserFactory(),
            measure=_people(),
            period_start=_days_ago(5),
            period_end=_days_ago(1),
            **args,
        )


def test_before_and_after_is_shown_with_its_unit():
    """A before-and-after figure reads "40 to 25 kg"; money reads in pounds."""
    project = owned_project(status="active")
    waste = Measure.objects.create(name="Waste", kind=Measure.Kind.BEFORE_AFTER, unit="kg")
    record = services.outcome_record(
        user=_lead(project),
        project=project,
        measure=waste,
        value=Decimal("25"),
        before=Decimal("40"),
        period_start=_days_ago(5),
        period_end=_days_ago(1),
    )
    assert record.shown == "40 to 25 kg"
    saved = services.outcome_record(
        user=_lead(project),
        project=project,
        measure=Measure.objects.get(name="Money saved"),
        value=Decimal("1250.50"),
        period_start=_days_ago(5),
        period_end=_days_ago(1),
    )
    assert saved.shown == "£1,250.50"


def test_only_officers_choose_measures():
    """An officer adds a measure; a project owner cannot."""
    officer = UserFactory(roles=[Role.OFFICER])
    measure = services.measure_save(
        user=officer, name="Trees planted", kind=Measure.Kind.NUMBER, unit="trees"
    )
    assert measure.is_active
    with pytest.raises(NotAllowed):
        services.measure_save(user=UserFactory(), name="Other", kind=Measure.Kind.NUMBER)


def test_a_used_measure_keeps_its_kind():
    """Once figures are recorded against a measure, its kind cannot change."""
    officer = UserFactory(roles=[Role.OFFICER])
    project = owned_project(status="active")
    services.outcome_record(
        user=_lead(project),
        project=project,
        measure=_people(),
        value=Decimal("5"),
        period_start=_days_ago(5),
        period_end=_days_ago(1),
    )
    with pytest.raises(Refusal, match="cannot change"):
        services.measure_save(
            user=officer, measure=_people(), name="People involved", kind=Measure.Kind.MONEY
        )


def test_the_list_of_measures_stays_small(monkeypatch):
    """Past the limit of measures in use, another is refused; a retired one may be added."""
    monkeypatch.setattr(evidence, "MAX_ACTIVE_MEASURES", Measure.objects.count())
    officer = UserFactory(roles=[Role.OFFICER])
    with pytest.raises(Refusal, match="Retire one first"):
        services.measure_save(user=officer, name="More", kind=Measure.Kind.NUMBER)
    services.measure_save(user=officer, name="More", kind=Measure.Kind.NUMBER, is_active=False)


def test_a_retired_measure_takes_no_new_figures():
    """Figures cannot be recorded against a measure no longer in use."""
    project = owned_project(status="active")
    retired = Measure.objects.create(name="Old", kind=Measure.Kind.NUMBER, is_active=False)
    with pytest.raises(Refusal, match="no longer in use"):
        services.outcome_record(
            user=_lead(project),
            project=project,
            measure=retired,
            value=Decimal("5"),
            period_start=_days_ago(5),
            period_end=_days_ago(1),
        )
