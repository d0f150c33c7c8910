"""Every write to shared things and funding goes through here: items.py, reservations.py
and funding.py.

Each refusal raises a coproduce.common.errors.Refusal (one of the kinds below, or NotAllowed)
whose message can be shown to the person as it is; nothing is written when one is raised.
"""

from django.utils.translation import gettext_lazy as _

from coproduce.common.errors import Refusal


class NotAvailable(Refusal):
    pass


class OwnItem(Refusal):
    pass


class WrongState(Refusal):
    pass


class BadValue(Refusal):
    """A value no form should have let through (a crafted request, or a caller's mistake)."""


SIGN_IN = _("Sign in first.")
