"""Evidence on projects: documents the owners attach, outcome figures they record, and the
measures officers choose. Every write to them goes through here."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.places import photos

from .. import filetypes
from ..models import Document, Measure, OutcomeRecord, Project
from ..permissions import can_manage_measures
from .common import require_manager

MAX_DOCUMENTS = 50  # per project: a pack, not a file store
MAX_ACTIVE_MEASURES = 12  # "a small set": more and nobody fills them in


def document_add(
    *, user, project: Project, upload, title: str, description: str = "", team_only: bool = False
) -> Document:
    """Attach a checked file to a project, stored under a random name. Images are saved again
    without their metadata (a phone photo can hold where it was taken). Raises
    filetypes.FileRefused for a file we do not take, NotAllowed unless the user manages it."""
    require_manager(user, project)
    if project.documents.count() >= MAX_DOCUMENTS:
        raise Refusal(
            _("A project can have up to %(limit)s documents. Remove one first.")
            % {"limit": MAX_DOCUMENTS}
        )
    kind = filetypes.check(upload, name=upload.name, size=upload.size)
    if kind.key in ("png", "jpeg"):
        try:
            content = photos.clean(upload, size=upload.size).content
        except photos.PhotoError as problem:
            raise filetypes.FileRefused(str(problem)) from None
    else:
        upload.seek(0)
        content = upload.read()
    document = Document(
        project=project,
        title=title,
        description=description,
        team_only=team_only,
        kind=kind.key,
        extension=kind.extension,
        download_name=filetypes.download_name(upload.name, kind),
        size=len(content),
        uploaded_by=user,
    )
    document.file.save(f"document.{kind.extension}", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def document_remove(*, user, document: Document) -> None:
    """Take a document off its project and delete the stored file once that is saved."""
    require_manager(user, document.project)
    stored = document.file
    name, storage = stored.name, stored.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def measure_save(
    *,
    user,
    measure: Measure | None = None,
    name: str,
    kind: str,
    unit: str = "",
    description: str = "",
    is_active: bool = True,
) -> Measure:
    """Add a measure or change one (officers only). A measure with records keeps its kind,
    so figures already recorded keep their meaning; it can be retired instead."""
    if not can_manage_measures(user):
        raise NotAllowed(_("Only council officers can choose the measures."))
    if measure is not None and measure.kind != kind and measure.records.exists():
        raise Refusal(
            _("Figures have been recorded against this measure, so its kind cannot change.")
        )
    active = Measure.objects.filter(is_active=True)
    if measure is not None:
        active = active.exclude(pk=measure.pk)
    if is_active and active.count() >= MAX_ACTIVE_MEASURES:
        raise Refusal(
            _("Up to %(limit)s measures can be in use. Retire one first.")
            % {"limit": MAX_ACTIVE_MEASURES}
        )
    if Measure.objects.filter(name__iexact=name).exclude(pk=getattr(measure, "pk", None)).exists():
        raise Refusal(_("There is already a measure called %(name)s.") % {"name": name})
    if measure is None:
        position = Measure.objects.order_by("-position").values_list("position", flat=True)[:1]
        measure = Measure(position=(position[0] + 1) if position else 0)
    measure.name, measure.kind, measure.unit = name, kind, unit
    measure.description, measure.is_active = description, is_active
    measure.save()
    return measure


def _check_figures(
    measure: Measure, value: Decimal, before: Decimal | None, start, end
) -> Decimal | None:
    if not measure.is_active:
        raise Refusal(_("That measure is no longer in use."))
    if end < start:
        raise Refusal(_("The end of the period must be on or after its start."))
    if end > timezone.localdate():
        raise Refusal(_("The period must have ended: figures are for what has happened."))
    if measure.kind == Measure.Kind.BEFORE_AFTER:
        if before is None:
            raise Refusal(_("Enter the figure before the project."))
        return before
    if value < 0:
        raise Refusal(_("The figure cannot be less than zero."))
    return None


@transaction.atomic
def outcome_record(
    *,
    user,
    project: Project,
    measure: Measure,
    value: Decimal,
    period_start: datetime.date,
    period_end: datetime.date,
    before: Decimal | None = None,
    note: str = "",
) -> OutcomeRecord:
    """Record a figure for a project over a period, saying who recorded it and when."""
    require_manager(user, project)
    before = _check_figures(measure, value, before, period_start, period_end)
    return OutcomeRecord.objects.create(
        project=project,
        measure=measure,
        value=value,
        before=before,
        period_start=period_start,
        period_end=period_end,
        note=note,
        recorded_by=user,
    )


@transaction.atomic
def outcome_correct(
    *,
    user,
    record: OutcomeRecord,
    value: Decimal,
    period_start: datetime.date,
    period_end: datetime.date,
    before: Decimal | None = None,
    note: str = "",
) -> OutcomeRecord:
    """Correct a figure. The old record is kept, marked as replaced by the new one: the
    history shows both, and only the new one counts."""
    record = OutcomeRecord.objects.select_for_update().get(pk=record.pk)
    require_manager(user, record.project)
    if not record.is_current:
        raise Refusal(_("That figure has already been corrected or withdrawn."))
    before = _check_figures(record.measure, value, before, period_start, period_end)
    record.superseded_at, record.superseded_by = timezone.now(), user
    record.save(update_fields=["superseded_at", "superseded_by"])
    return OutcomeRecord.objects.create(
        project=record.project,
        measure=record.measure,
        value=value,
        before=before,
        period_start=period_start,
        period_end=period_end,
        note=note,
        recorded_by=user,
        replaces=record,
    )


@transaction.atomic
def outcome_withdraw(*, user, record: OutcomeRecord) -> None:
    """Stop a figure counting (recorded by mistake). It stays in the history."""
    record = OutcomeRecord.objects.select_for_update().get(pk=record.pk)
    require_manager(user, record.project)
    if not record.is_current:
        raise Refusal(_("That figure has already been corrected or withdrawn."))
    record.superseded_at, record.superseded_by = timezone.now(), user
    record.save(update_fields=["superseded_at", "superseded_by"])
