"""Impact at a glance: public pages (anyone) and officers' pages (people who may see the
insights pages), for the borough or one ward, and a CSV of each figure."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coproduce.places.models import Ward

from . import permissions
from .figures import figure, figures
from .selectors import cache_seconds, impact_counts


def _officer(request) -> None:
    if not permissions.can_see_officer_pages(request.user):
        raise PermissionDenied(_("Only council officers can see this page."))


def _figures_html(*, ward: Ward | None, public: bool) -> str:
    """The charts and tables, drawn once for each set of counts (and language) and kept in
    the shared cache with them: drawing nine charts costs more than the rest of the page."""
    counts = impact_counts(ward.pk if ward else None)
    key = "impact:html:{}:{}:{}:{}".format(
        ward.pk if ward else "borough",
        "public" if public else "officer",
        get_language(),
        counts.computed_at,
    )
    found = cache.get(key)
    if found is None:
        found = render_to_string(
            "impact/_figures.html",
            {"ward": ward, "public": public, "figures": figures(counts, public=public)},
        )
        cache.set(key, found, cache_seconds())
    return found


def _page(request, *, ward: Ward | None, public: bool) -> HttpResponse:
    return render(
        request,
        "impact/page.html",
        {
            "ward": ward,
            "public": public,
            "figures_html": mark_safe(_figures_html(ward=ward, public=public)),  # noqa: S308
            "wards": Ward.objects.order_by("name").only("pk", "name"),
        },
    )


def _csv(*, ward: Ward | None, slug: str, public: bool) -> HttpResponse:
    found = figure(impact_counts(ward.pk if ward else None), slug, public=public)
    if found is None:
        raise Http404(_("There is no such figure."))
    area = ward.slug if ward else "borough"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{area}.csv"'
    writer = csv.writer(response)
    writer.writerow([found.label_heading, found.value_heading])
    for row in found.rows:
        writer.writerow([row.label, row.shown])
    return response


@require_GET
def borough(request) -> HttpResponse:
    return _page(request, ward=None, public=True)


@require_GET
def ward(request, pk: int) -> HttpResponse:
    return _page(request, ward=get_object_or_404(Ward, pk=pk), public=True)


@require_GET
def borough_csv(request, figure: str) -> HttpResponse:
    return _csv(ward=None, slug=figure, public=True)


@require_GET
def ward_csv(request, pk: int, figure: str) -> HttpResponse:
    return _csv(ward=get_object_or_404(Ward, pk=pk), slug=figure, public=True)


@login_required
@require_GET
def officer_borough(request) -> HttpResponse:
    _officer(request)
    return _page(request, ward=None, public=False)


@login_required
@require_GET
def officer_ward(request, pk: int) -> HttpResponse:
    _officer(request)
    return _page(request, ward=get_object_or_404(Ward, pk=pk), public=False)


@login_required
@require_GET
def officer_borough_csv(request, figure: str) -> HttpResponse:
    _officer(request)
    return _csv(ward=None, slug=figure, public=False)


@login_required
@require_GET
def officer_ward_csv(request, pk: int, figure: str) -> HttpResponse:
    _officer(request)
    return _csv(ward=get_object_or_404(Ward, pk=pk), slug=figure, public=False)
