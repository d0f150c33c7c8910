"""The audit log, for administrators: a list with filters, and the same list as CSV."""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import permissions, selectors
from ..forms import AuditFilterForm

ENTRIES_PER_PAGE = 50


def _filtered(request) -> tuple[AuditFilterForm, selectors.AuditFilters]:
    if not permissions.can_see_audit_log(request.user):
        raise PermissionDenied(_("Only administrators can see the audit log."))
    form = AuditFilterForm.from_request(request)
    return form, selectors.AuditFilters(**form.filters())


@login_required
@require_GET
def audit_log(request):
    form, filters = _filtered(request)
    page = Paginator(selectors.audit_entries(filters), ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "staff/audit_log.html", {"form": form, "entries": page})


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets: make it plain text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def audit_log_csv(request):
    _form, filters = _filtered(request)
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(["when", "who", "action", "target", "detail"])
        for entry in selectors.audit_entries(filters).iterator(chunk_size=500):
            yield writer.writerow(
                [
                    timezone.localtime(entry.when).isoformat(timespec="seconds"),
                    _csv_safe(entry.actor_email),
                    _csv_safe(entry.action),
                    _csv_safe(entry.target),
                    _csv_safe(json.dumps(entry.detail, sort_keys=True, ensure_ascii=False)),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
