"""Whole pages kept for a few seconds for visitors who are not signed in: the lists, search
results, and the pages of one project, event, place or group.

A list page costs about 20 ms of CPU to put together (queries, then the template), so on two
cores a server answers at most about 100 a second. Most people who read a council's pages
are not signed in, and for them the page at one address is the same for everyone: the
header offers "Sign in", and nothing on it depends on who asks. So a visitor's page is kept
in the "pages" cache for VISITOR_PAGE_SECONDS (15 by default; 0 turns this off), and the
next visitor to ask for the same address, in the same language, is sent the same bytes.

What is never kept, or never sent from here:
- anything for someone signed in (their pages name them, and show what only they may see);
- a request that is not a GET, or a visitor with a message waiting to be shown;
- an answer that is not a plain 200 page: errors, redirects, streamed files;
- a page that sets a cookie, writes to the visitor's session or uses a CSRF token (a form
  that posts), or that says it must not be cached, or that shows a message;
- a page over MAX_BYTES (the cache is small, and the map with every place is not).

The middleware after the view still runs for a kept page, so each answer gets its own
security headers (CSP, frame options) and language. A kept page may be up to
VISITOR_PAGE_SECONDS old: a change shows to visitors that much later, and at once to anyone
signed in. With the default cache, each process keeps its own (a few megabytes at most);
with CACHE_URL, every process shares one. See docs/adr/0036-visitor-pages-kept.md.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
MAX_BYTES = 256 * 1024
# Headers that say a page is for one person only, or must be asked for again.
_PERSONAL = ("private", "no-store", "no-cache")


def _seconds() -> int:
    """0 when pages are not kept: turned off, or no "pages" cache is set up."""
    if CACHE_ALIAS not in settings.CACHES:
        return 0
    return getattr(settings, "VISITOR_PAGE_SECONDS", 0)


def _key(request: HttpRequest) -> str:
    address = (
        f"{request.LANGUAGE_CODE}|{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    )
    return "visitor-page:" + hashlib.blake2b(address.encode(), digest_size=20).hexdigest()


def _may_send_kept(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        # Reading how many are waiting does not mark them shown.
        and not len(messages.get_messages(request))
    )


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    storage = messages.get_messages(request)
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page wrote to the visitor's session: it is theirs (a wizard's answers).
        and not getattr(getattr(request, "session", None), "modified", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(storage, "used", False)
        and not response.has_header("Vary")
        and not any(word in control for word in _PERSONAL)
        and len(response.content) <= MAX_BYTES
    )


def kept_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep this view's page for visitors (see the module's docstring for what is never kept)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = _seconds()
        if not seconds or not _may_send_kept(request):
            return view(request, *args, **kwargs)
        cache = caches[CACHE_ALIAS]
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if _may_keep(request, response):
            cache.set(key, (response.content, dict(response.items())), seconds)
        return response

    return wrapper
