"""Staff accounts use a second factor before any page opens (docs/adr: staff two-factor).

A staff account (a staff role, or the admin site's is_staff or is_superuser) that has not
verified a second factor in this session is only half signed in: every request is sent to
the page that asks for a code, except signing out, the two-factor pages themselves and
static files. Guarding every page, not a list of "staff pages", leaves nothing to forget:
officers see officer-only parts on ordinary pages too.

Must come after django-otp's OTPMiddleware, which says whether the session is verified.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .permissions import needs_second_factor

OPEN_URL_NAMES = (
    "staff:two_factor_verify",
    "staff:two_factor_setup",
    "accounts:sign_out",
)


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
            target = reverse("staff:two_factor_verify")
            return HttpResponseRedirect(f"{target}?{query}" if query else target)
        return self.get_response(request)

    @staticmethod
    def _must_verify(request: HttpRequest) -> bool:
        if not getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", True):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if request.path.startswith(settings.STATIC_URL):
            return False
        if request.path in {reverse(name) for name in OPEN_URL_NAMES}:
            return False
        return needs_second_factor(user)
