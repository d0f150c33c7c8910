"""Public pages: the list of panels and a panel's page (criteria, weights, bidders' public
summaries, the recommendation and the decision; never commercial details)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import permissions, selectors
from .common import visible_panel

PER_PAGE = 20


@require_GET
def panel_list(request):
    page = Paginator(selectors.panels_listed(), PER_PAGE).get_page(request.GET.get("page"))
    can_set_up = permissions.can_set_up(request.user)
    context = {
        "panels": page,
        "can_set_up": can_set_up,
        "mine": list(selectors.panels_run_by(request.user)) if can_set_up else [],
    }
    return render(request, "commissioning/list.html", context)


@require_GET
def panel_detail(request, pk: int):
    panel = visible_panel(request, pk)
    context = {
        "panel": panel,
        "criteria": list(panel.criteria.all()),
        "bids": list(panel.bids.all()),
        "member": selectors.member_of(panel, request.user),
        "can_run": permissions.can_run(request.user, panel),
    }
    return render(request, "commissioning/detail.html", context)
