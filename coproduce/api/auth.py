"""Officers' tokens for writing through the API (ADR 0033).

A write carries `Authorization: Bearer <token>`. The token acts as its officer, with the
permissions they hold at the time of the request: an unknown, revoked or expired token is a
401; a token whose officer is inactive or no longer may write through the API is a 403.
Nothing else signs a write in: a browser's session cookie is never looked at here, so a page
on another site cannot make a signed-in officer's browser write (no CSRF), and a token cannot
be sent by a browser without the script that holds it.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from coproduce.common import limits
from coproduce.staff.services import TokenRefused, api_token_use

# Every write counts against this limit, per officer, whichever endpoint it goes to.
WRITE_LIMIT = "api_write"


class OfficerToken(HttpBearer):
    """The bearer scheme named in the OpenAPI document as "officer_token"."""

    openapi_scheme = "bearer"
    openapi_bearerFormat = "cpt_<8 hex characters>_<43 random characters>"
    openapi_description = (
        "An officer's token, made on the site's API tokens page (/staff/api-tokens/) and "
        "shown once. It acts as its officer, with the permissions they hold at the time: "
        "401 if it is unknown, revoked or past its day; 403 if its officer may no longer "
        "write through the API."
    )

    def authenticate(self, request: HttpRequest, token: str):
        try:
            user = api_token_use(token=token.strip())
        except TokenRefused:
            raise HttpError(
                403, _("This token's officer may not write through the API now.")
            ) from None
        if user is None:
            return None
        # Limits and services see the officer, as they would on the site.
        request.user = user
        limits.check(request, WRITE_LIMIT, per=f"account:{user.pk}", json=True)
        return user


officer_token = OfficerToken()
