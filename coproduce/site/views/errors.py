"""Error pages in plain English, with the status code kept for machines."""

from django.core.exceptions import BadRequest
from django.shortcuts import render
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


def server_error(request):
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security token, usually after a long wait or a new tab."""
    return render(request, "errors/csrf.html", status=403)
