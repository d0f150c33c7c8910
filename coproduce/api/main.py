"""The read API: one NinjaAPI, its routers, and answers for bad input (400 with a body)."""

from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .common import BadQuery
from .endpoints import decisions, events, funding, groups, places, projects, services

api = NinjaAPI(
    title="Coproduce API",
    version="1",
    description=(
        "Read what anyone may see on the site: projects and ideas, events, places, groups, "
        "services, funding rounds and decisions. Lists come a page at a time and take the "
        "filters their pages take. Nothing here is more than a visitor who is not signed in "
        "sees."
    ),
    urls_namespace="api",
    # Swagger UI fails WCAG 2.2 AA: the reference page draws the same document (reference.py).
    docs_url=None,
    openapi_url="/openapi.json",
)

for module in (projects, events, places, groups, services, funding, decisions):
    api.add_router("", module.router)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    # 400, not ninja's 422: the site answers every bad query with 400.
    errors = [
        {
            "field": ".".join(str(part) for part in error.get("loc", ())[1:]) or "query",
            "message": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": "The query has a problem.", "errors": errors}, status=400
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    body = {"detail": str(exc), "errors": getattr(exc, "errors", [])}
    return api.create_response(request, body, status=exc.status_code)


__all__ = ["BadQuery", "api"]
