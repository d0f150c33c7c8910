"""Limits on actions that email or notify another person, counted with django-ratelimit.

Each limit has a name and a rate in `settings.RATE_LIMITS` ("3/h": three an hour; s, m, h or
d). A view counts a try with the `limited` decorator, or calls `check` where the key is only
known inside the view; either raises `TooMany` once the limit is passed, and the site's 403
handler answers it as 429: the plain page, or JSON for a JSON endpoint. What is counted:

- `ACCOUNT`: the signed-in person, or the network address for someone not signed in;
- `IP`: the network address, whoever is signed in;
- `post_field("email")`: what was sent in that form field (an email address), so one address
  gets few emails whoever asks;
- any other text given to `check(..., per=...)`: a target such as a need and a person.

`within` counts for a person or target and answers whether the limit still holds, for caps
inside a service (a space manager gets so many booking emails an hour). `once` answers
whether something (such as an invitation email) has not yet happened within a period, for
actions that should go ahead without telling someone twice.

Counts live in the "limits" cache, shared by every process (see the settings).
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import _split_rate, get_usage
from django_ratelimit.exceptions import Ratelimited

CACHE = "limits"
ACCOUNT = "account"
IP = "ip"

Key = str | Callable[[HttpRequest], str]


class TooMany(Ratelimited):
    """A limit was passed: nothing was done. `retry_after` is in seconds."""

    def __init__(self, *, action: str, retry_after: int, json: bool = False) -> None:
        super().__init__(action)
        self.action = action
        self.retry_after = max(int(retry_after), 1)
        self.json = json


def client_ip(request: HttpRequest) -> str:
    """The network address the request came from, behind PROXY_COUNT trusted proxies."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _account(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"account:{user.pk}"
    return f"ip:{client_ip(request)}"


def post_field(name: str) -> Callable[[HttpRequest], str]:
    """Count by what was sent in this form field, such as an email address (case ignored)."""

    def key(request: HttpRequest) -> str:
        return f"{name}:{request.POST.get(name, '').strip().casefold()}"

    return key


def _value(request: HttpRequest, per: Key) -> str:
    if per == ACCOUNT:
        return _account(request)
    if per == IP:
        return f"ip:{client_ip(request)}"
    if callable(per):
        return per(request)
    return per


def check(request: HttpRequest, action: str, *, per: Key = ACCOUNT, json: bool = False) -> None:
    """Count one try at `action`; raise TooMany if that passes its limit in RATE_LIMITS."""
    value = _value(request, per)
    usage = get_usage(
        request,
        group=action,
        key=lambda group, request: value,
        rate=settings.RATE_LIMITS[action],
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        raise TooMany(action=action, retry_after=usage["time_left"], json=json)


def within(action: str, *, per: str) -> bool:
    """Count one for `per` (a person or target) against `action`; False once past its limit.

    For caps inside a service, where going on without the email is the right answer.
    """
    usage = get_usage(
        None,
        group=action,
        key=lambda group, request: per,
        rate=settings.RATE_LIMITS[action],
        increment=True,
    )
    return usage is None or not usage["should_limit"]


def limited(
    action: str, *, per: Key = ACCOUNT, methods: tuple[str, ...] = ("POST",), json: bool = False
):
    """A view decorator: count each request of these methods against the limit `action`.

    Put it under `login_required` and the method checks, so only real tries are counted.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                check(request, action, per=per, json=json)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def once(what: str, *, period: str) -> bool:
    """True the first time `what` is asked within `period` (a rate's period, like "30d")."""
    _, seconds = _split_rate(f"1/{period}")
    return caches[CACHE].add(f"once:{what}", 1, seconds)


def _wait_words(seconds: int) -> str:
    if seconds < 60 * 60:
        minutes = max((seconds + 59) // 60, 1)
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = (seconds + 60 * 60 - 1) // (60 * 60)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return request.content_type == "application/json" or (
        "application/json" in accept and "text/html" not in accept
    )


def too_many_response(request: HttpRequest, exception: Ratelimited) -> HttpResponse:
    """The 429 answer: a plain page, or {"error", "retry_after"} for a JSON endpoint."""
    retry_after = getattr(exception, "retry_after", 60 * 60)
    wait = _wait_words(retry_after)
    if getattr(exception, "json", False) or wants_json(request):
        message = _("You have done this too many times. Try again in %(wait)s.") % {"wait": wait}
        response = JsonResponse({"error": message, "retry_after": retry_after}, status=429)
    else:
        response = render(request, "429.html", {"wait": wait}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
