"""A survey's results: charts with tables beside them, and the results file."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coproduce.people.naming import name_for

from .. import permissions, selectors
from .common import visible_survey

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _allowed(request, pk: int):
    survey = visible_survey(request, pk)
    answered = selectors.response_of(survey, request.user) is not None
    if not permissions.can_see_results(request.user, survey, has_answered=answered):
        raise PermissionDenied(_("The results of this survey are not public yet."))
    return survey


@require_GET
def survey_results(request, pk: int):
    survey = _allowed(request, pk)
    with_names = permissions.can_see_names(request.user, survey)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": selectors.results(survey, with_names=with_names),
            "with_names": with_names,
            "can_manage": permissions.can_manage(request.user, survey),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


@require_GET
def survey_results_csv(request, pk: int):
    """Every response as a row. Names only in a named survey, and only for whoever runs it."""
    survey = _allowed(request, pk)
    with_names = permissions.can_see_names(request.user, survey)
    writer = csv.writer(_Echo())
    rows = selectors.csv_rows(
        survey, with_names=with_names, name=lambda person: name_for(person, request.user)
    )
    response = StreamingHttpResponse(
        (writer.writerow([_safe(cell) for cell in row]) for row in rows),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"{slugify(survey.title)[:60] or 'survey'}-results.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
