"""The API: one NinjaAPI, its routers, and answers for bad input (400 with a body), refusals
(400 or 403), missing or dead tokens (401) and too many writes (429), always as JSON."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.common.limits import TooMany

from .common import BadQuery
from .endpoints import decisions, events, funding, groups, news, places, projects, services

api = NinjaAPI(
    title="Coproduce API",
    version="1",
    description=(
        "Read what anyone may see on the site: projects and ideas, events, places, groups, "
        "services, funding rounds and decisions. Lists come a page at a time and take the "
        "filters their pages take. Nothing here is more than a visitor who is not signed in "
        "sees. Council officers can also write, with a token they make on the site: send "
        "it as `Authorization: Bearer <token>`. A token can do only what its officer can do "
        "at that moment."
    ),
    urls_namespace="api",
    # Swagger UI fails WCAG 2.2 AA: the reference page draws the same document (reference.py).
    docs_url=None,
    openapi_url="/openapi.json",
)

for module in (projects, events, places, groups, services, funding, decisions, news):
    api.add_router("", module.router)


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    # 400, not ninja's 422: the site answers every bad query with 400.
    errors = [
        {"field": _field_name(error.get("loc", ())), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    in_body = any(tuple(error.get("loc", ()))[:1] == ("body",) for error in exc.errors)
    detail = "What was sent has a problem." if in_body else "The query has a problem."
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


def _field_name(loc) -> str:
    # ("query", "page") is "page"; a body's ("body", "payload", "title") is "title".
    parts = list(loc)
    where = parts[:1]
    parts = parts[2:] if where == ["body"] else parts[1:]
    return ".".join(str(part) for part in parts) or (where[0] if where else "query")


@api.exception_handler(AuthenticationError)
def no_token(request, exc: AuthenticationError):
    body = {
        "detail": _("Send a working officer's token: Authorization: Bearer <token>."),
        "errors": [],
    }
    response = api.create_response(request, body, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Refusal)
def refused(request, exc: Refusal):
    # The rules of the service that was asked: the same words a person sees on the page.
    status = 403 if isinstance(exc, NotAllowed) else 400
    errors = [{"field": exc.field, "message": str(exc)}] if exc.field else []
    return api.create_response(request, {"detail": str(exc), "errors": errors}, status=status)


@api.exception_handler(TooMany)
def too_many(request, exc: TooMany):
    body = {
        "detail": _("Too many writes. Try again in %(seconds)s seconds.")
        % {"seconds": exc.retry_after},
        "errors": [],
    }
    response = api.create_response(request, body, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    body = {"detail": str(exc), "errors": getattr(exc, "errors", [])}
    return api.create_response(request, body, status=exc.status_code)


__all__ = ["BadQuery", "api"]
