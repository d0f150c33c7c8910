"""The Open Referral UK 3.0 API: `/`, `/services` and `/services/{id}`, as the standard names
them (ADR 0034). The JSON is built by `oruk`, the one mapping of services to ORUK, so these
endpoints and the older export at /services/open-referral.json always agree.

Every answer is JSON, errors too: a bad parameter is a 400 and an unknown id a 404, each
with an `error` saying why. Only listed services of listed organisations are ever sent.
"""

import uuid

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import oruk, selectors
from .oruk_query import QueryError, ServiceQuery

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"


def _json(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_root(request):
    """What this API is: its HSDS version, the UK profile it follows, and who publishes it."""
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": OPENAPI_URL,
            "description": "Services listed on this site, in the Open Referral UK 3.0 profile.",
            "publisher": {
                "name": settings.COUNCIL_NAME,
                "website": settings.SITE_URL + reverse("open_referral:root"),
            },
        }
    )


@require_GET
def services(request):
    """Listed services, a page at a time, filtered by the standard's query parameters."""
    try:
        query = ServiceQuery.from_query(request.GET)
    except (QueryError, oruk.PagingError) as problem:
        return _json({"error": str(problem)}, status=400)
    found = selectors.services_for_oruk(
        search=query.search,
        taxonomy_term_id=query.taxonomy_term_id,
        taxonomy_id=query.taxonomy_id,
        modified_after=query.modified_after,
        minimum_age=query.minimum_age,
        maximum_age=query.maximum_age,
        day=query.day,
        start_time=query.start_time,
        end_time=query.end_time,
    )
    return _json(oruk.services_page(query.paging, found))


@require_GET
def service(request, id: str):
    """One listed service, fully nested: organisation, places, contacts, opening, costs,
    categories."""
    try:
        service_uuid = uuid.UUID(id)
    except ValueError:
        service_uuid = None
    found = (
        selectors.services_for_export().filter(uuid=service_uuid).first()
        if service_uuid is not None
        else None
    )
    if found is None:
        return _json({"error": "There is no listed service with that id"}, status=404)
    return _json(oruk.service_json(found))
