"""Pages for a project's evidence: attaching and downloading documents, recording outcome
figures and their history, and the officers' measures and download."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.people.naming import name_for

from .. import filetypes, selectors, services
from ..forms.evidence import DocumentForm, MeasureForm, OutcomeForm
from ..models import Document, Measure, OutcomeRecord
from ..permissions import can_manage_measures, can_see_document
from .projects import managed_project

HISTORY_PAGE_SIZE = 50
# Sent with every document: never run, never shown in the page, never sniffed as something else.
DOCUMENT_CSP = "default-src 'none'; sandbox"


@login_required
@require_http_methods(["GET", "POST"])
def document_new(request, pk: int):
    project = managed_project(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            try:
                services.document_add(user=request.user, project=project, **form.cleaned_data)
            except filetypes.FileRefused as refused:
                form.add_error("upload", str(refused))
            else:
                messages.success(request, _("The document has been added."))
                return redirect("projects:detail", pk=project.pk)
    context = {"form": form, "project": project}
    return render_form(request, "projects/evidence/document_form.html", context)


@require_GET
def document_download(request, pk: int, document_pk: int):
    """The file, always as a download with a safe name and headers that stop it running."""
    document = get_object_or_404(Document.objects.select_related("project"), pk=document_pk)
    if document.project_id != pk or not can_see_document(request.user, document):
        raise Http404
    kind = filetypes.KINDS.get(document.kind)
    if kind is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=kind.content_type)
    # download_name holds only ASCII letters, digits, dashes and one dot (filetypes.py).
    response["Content-Disposition"] = f'attachment; filename="{document.download_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOCUMENT_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store" if document.team_only else "private"
    return response


@login_required
@require_POST
def document_remove(request, pk: int, document_pk: int):
    project = managed_project(request, pk)
    document = get_object_or_404(Document, pk=document_pk, project=project)
    services.document_remove(user=request.user, document=document)
    messages.success(request, _("The document has been removed."))
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def outcome_new(request, pk: int):
    project = managed_project(request, pk)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.outcome_record(user=request.user, project=project, **form.cleaned_data)
            messages.success(request, _("The figure has been recorded."))
            return redirect("projects:outcomes", pk=project.pk)
    context = {"form": form, "project": project, "heading": _("Record an outcome")}
    return render_form(request, "projects/evidence/outcome_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def outcome_correct(request, pk: int, outcome_pk: int):
    project = managed_project(request, pk)
    record = get_object_or_404(
        OutcomeRecord.objects.select_related("measure"), pk=outcome_pk, project=project
    )
    if not record.is_current:
        raise Http404
    initial = {
        "value": record.value,
        "before": record.before,
        "period_start": record.period_start,
        "period_end": record.period_end,
        "note": record.note,
    }
    form = OutcomeForm(request.POST or None, initial=initial, measure=record.measure)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.outcome_correct(user=request.user, record=record, **form.cleaned_data)
            messages.success(request, _("The figure has been corrected. The old one is kept."))
            return redirect("projects:outcomes", pk=project.pk)
    context = {
        "form": form,
        "project": project,
        "record": record,
        "heading": _("Correct a figure: %(measure)s") % {"measure": record.measure.name},
    }
    return render_form(request, "projects/evidence/outcome_form.html", context)


@login_required
@require_POST
def outcome_withdraw(request, pk: int, outcome_pk: int):
    project = managed_project(request, pk)
    record = get_object_or_404(OutcomeRecord, pk=outcome_pk, project=project)
    with refusal_to_message(request):
        services.outcome_withdraw(user=request.user, record=record)
        messages.success(request, _("The figure no longer counts. It stays in the history."))
    return redirect("projects:outcomes", pk=project.pk)


@login_required
@require_GET
def outcome_history(request, pk: int):
    """Every figure recorded, corrected and withdrawn, with who did it: for the owners."""
    project = managed_project(request, pk)
    page = Paginator(selectors.outcome_history(project), HISTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    replaced = selectors.replaced_outcome_ids(project)
    rows = [
        {
            "record": record,
            "corrected": record.pk in replaced,
            "recorded_by": name_for(record.recorded_by, request.user)
            if record.recorded_by
            else _("Someone whose account is closed"),
            "superseded_by": name_for(record.superseded_by, request.user)
            if record.superseded_by
            else "",
        }
        for record in page
    ]
    context = {"project": project, "page": page, "rows": rows}
    return render(request, "projects/evidence/outcome_history.html", context)


def _officer(request):
    if not can_manage_measures(request.user):
        raise Http404
    return request.user


@login_required
@require_GET
def measure_list(request):
    _officer(request)
    measures = Measure.objects.all()
    return render(request, "projects/evidence/measure_list.html", {"measures": measures})


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request, measure_pk: int | None = None):
    _officer(request)
    measure = get_object_or_404(Measure, pk=measure_pk) if measure_pk else None
    initial = (
        {f: getattr(measure, f) for f in ["name", "kind", "unit", "description", "is_active"]}
        if measure
        else None
    )
    form = MeasureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.measure_save(user=request.user, measure=measure, **form.cleaned_data)
            messages.success(request, _("The measure has been saved."))
            return redirect("projects:measures")
    context = {"form": form, "measure": measure}
    return render_form(request, "projects/evidence/measure_form.html", context)


@login_required
@require_GET
def outcomes_csv(request):
    """Every outcome record, current or not, as CSV for officers. It names who recorded each
    figure, so only officers may download it."""
    _officer(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="project-outcomes-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "record",
            "project_id",
            "project",
            "ward",
            "measure",
            "unit",
            "before",
            "value",
            "period_start",
            "period_end",
            "note",
            "recorded_by",
            "recorded_at",
            "status",
            "replaces",
        ]
    )
    replaced = selectors.replaced_outcome_ids()
    for record in selectors.outcomes_for_export().iterator(chunk_size=2000):
        if record.is_current:
            status = "current"
        else:
            status = "corrected" if record.pk in replaced else "withdrawn"
        writer.writerow(
            [
                record.pk,
                record.project_id,
                _safe_cell(record.project.title),
                record.project.ward.name if record.project.ward else "",
                _safe_cell(record.measure.name),
                record.measure.unit or ("£" if record.measure.kind == "money" else ""),
                "" if record.before is None else record.before,
                record.value,
                record.period_start.isoformat(),
                record.period_end.isoformat(),
                _safe_cell(record.note),
                name_for(record.recorded_by, request.user) if record.recorded_by else "",
                timezone.localtime(record.recorded_at).isoformat(timespec="minutes"),
                status,
                record.replaces_id or "",
            ]
        )
    return response


def _safe_cell(text: str) -> str:
    # A cell starting with = + - or @ would run as a formula when the CSV opens in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
