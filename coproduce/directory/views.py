from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from coproduce.common.visitor_pages import kept_for_visitors

from . import oruk, selectors
from .forms import ServiceFilterForm
from .selectors import ServiceFilters

LIST_PAGE_SIZE = 20


@require_GET
@kept_for_visitors
def service_list(request):
    """Listed services with filters; a bad filter shows its error and every service."""
    form = ServiceFilterForm.from_request(request)
    valid = form.is_valid()
    filters = form.service_filters() if valid else ServiceFilters()
    services = selectors.services_for_list(filters)
    page = Paginator(services, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "services/service_list.html",
        {"form": form, "page": page, "filters": filters},
        status=200 if valid else 400,
    )


@require_GET
def service_detail(request, uuid):
    service = selectors.service_for_page(uuid=uuid, viewer=request.user)
    if service is None:
        raise Http404
    return render(
        request,
        "services/service_detail.html",
        {
            "service": service,
            "eligibility": selectors.eligibility_of(service),
            "opening_rows": [
                *((schedule, "") for schedule in service.schedules.all()),
                *(
                    (schedule, link.place.name)
                    for link in service.locations.all()
                    for schedule in link.schedules.all()
                ),
            ],
        },
    )


@require_GET
def service_detail_by_number(request, pk: int):
    """Old-style numbered address: sends people on to the lasting uuid address."""
    service = selectors.service_for_page(pk=pk, viewer=request.user)
    if service is None:
        raise Http404
    return redirect("services:detail", uuid=service.uuid, permanent=True)


@require_GET
def open_referral_services(request):
    """Every listed service as Open Referral UK JSON, page by page (?page=&per_page=)."""
    try:
        paging = oruk.Paging.from_query(request.GET)
    except oruk.PagingError as problem:
        return JsonResponse({"error": str(problem)}, status=400)
    return JsonResponse(oruk.services_page(paging), json_dumps_params={"ensure_ascii": False})


@require_GET
def open_referral_service(request, uuid):
    """One listed service as Open Referral UK JSON."""
    service = selectors.services_for_export().filter(uuid=uuid).first()
    if service is None:
        return JsonResponse({"error": "There is no listed service with that id"}, status=404)
    return JsonResponse(oruk.service_json(service), json_dumps_params={"ensure_ascii": False})
