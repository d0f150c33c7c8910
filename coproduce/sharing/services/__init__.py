"""Every write to shared things and funding goes through here: items.py and funding.py.

Each refusal raises a subclass of SharingRefusal whose message can be shown to the person as
it is; nothing is written when one is raised.
"""

from django.utils.translation import gettext_lazy as _


class SharingRefusal(Exception):
    """Something a person asked for that the rules do not allow. str() is a plain message."""


class NotAllowed(SharingRefusal):
    pass


class NotAvailable(SharingRefusal):
    pass


class OwnItem(SharingRefusal):
    pass


class WrongState(SharingRefusal):
    pass


class BadValue(SharingRefusal):
    """A value no form should have let through (a crafted request, or a caller's mistake)."""


SIGN_IN = _("Sign in first.")
