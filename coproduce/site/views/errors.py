"""Error pages in plain English, with the status code kept for machines."""

import sys

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.base import BaseStorage
from django.core.exceptions import BadRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited

from coproduce.common.limits import too_many_response


def bad_request(request, exception=None):
    # A view that raises BadRequest says what was wrong, for the person; other 400s (such as
    # a bad Host header) may carry internals, so only BadRequest's message is shown.
    reason = str(exception) if type(exception) is BadRequest else ""
    return render(request, "errors/400.html", {"reason": reason}, status=400)


def permission_denied(request, exception=None):
    # A limit passed (django-ratelimit raises a kind of PermissionDenied): 429, saying when
    # to try again.
    if isinstance(exception, Ratelimited):
        return too_many_response(request, exception)
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


class _MessagesAside(BaseStorage):
    """No messages shown and none kept: those waiting stay in the session for later."""

    def _get(self, *args, **kwargs):
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        return []


# How long to suggest waiting when the database could not be reached or written to.
RETRY_AFTER_SECONDS = 30

# Addresses read by programs, not people: their errors are JSON, never a page. The read and
# write API, the time bank's transfers, Open Referral UK and OpenActive (ADR 0033, 0034),
# the map's features (under /api/) and the directory's Open Referral export.
MACHINE_PREFIXES = (
    "/api/",
    "/time-bank/api/",
    "/open-referral/",
    "/openactive/",
    "/services/open-referral",
)


def is_for_machines(request: HttpRequest) -> bool:
    return request.path.startswith(MACHINE_PREFIXES)


def server_error(request):
    # Django calls this inside its `except`, so the error is still at hand. A database that
    # is away (restarting, its connections gone) or cannot write (disk full, locked) is a
    # passing state, not a bug: say so with 503 and when to try again. The transaction was
    # rolled back, so nothing was half-saved, and the page can tell the person that.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        if is_for_machines(request):
            response = JsonResponse(
                {
                    "detail": _("The service is unavailable for a moment. Try again soon."),
                    "retry_after": RETRY_AFTER_SECONDS,
                },
                status=503,
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        # The page must not ask the database again: who is signed in and their messages
        # come from the session, which may live there.
        request.user = AnonymousUser()
        request._messages = _MessagesAside(request)
        response = render(request, "errors/503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security token, usually after a long wait or a new tab."""
    return render(request, "errors/csrf.html", status=403)
