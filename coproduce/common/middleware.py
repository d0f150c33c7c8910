"""Refuse requests that carry a NUL character anywhere a view could read it.

No one types a NUL, but crafted links can carry one (%00). PostgreSQL cannot store or compare
text that holds one, so a query built from such a value fails with a DataError: a 500 from
user input. Turning it away here, once, keeps every view and every app safe from it, on both
databases alike.
"""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _


def _has_nul(values) -> bool:
    return any("\x00" in value for value in values)


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(
            value for _key, values in request.GET.lists() for value in [_key, *values]
        ):
            raise BadRequest(_("The web address holds a character we cannot accept."))
        if request.method == "POST" and _has_nul(
            value for _key, values in request.POST.lists() for value in [_key, *values]
        ):
            raise BadRequest(_("The form holds a character we cannot accept."))
        return self.get_response(request)
