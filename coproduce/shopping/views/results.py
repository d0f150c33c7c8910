"""Results: per service and per question, for the service's owners and officers."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coproduce.yousaid.panels import item_panel

from .. import permissions, selectors
from ..models import ProgrammeService
from .common import visible_programme


@login_required
@require_GET
def service_results(request, pk: int, service_pk: int):
    programme = visible_programme(request, pk)
    link = (
        ProgrammeService.objects.filter(programme=programme, service_id=service_pk)
        .select_related("service__organisation")
        .first()
    )
    if link is None:
        raise Http404
    service = link.service
    if not permissions.can_see_service_results(request.user, service):
        raise PermissionDenied(
            _("Only the people who run this service, and council officers, can see this.")
        )
    return render(
        request,
        "shopping/service_results.html",
        {
            "programme": programme,
            "service": service,
            "link": link,
            "results": selectors.service_results(programme, service),
            "summary": next(
                (s for s in selectors.service_summaries(programme) if s.service.pk == service.pk),
                None,
            ),
            # Once the programme has finished, the council's responses, and a link to record one.
            "you_said": item_panel("shopping", link, request),
        },
    )
