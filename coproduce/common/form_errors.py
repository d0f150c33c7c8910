"""Error messages that many forms share, worded once (GOV.UK style: say how to fix it)."""

from django.utils.translation import gettext_lazy as _

# For a choice field whose posted value is not one of the options.
CHOOSE = {"invalid_choice": _("Choose one of the options")}


def too_long() -> dict:
    """For a text field's `error_messages`: its limit, in words a person can act on."""
    return {"max_length": _("Use %(limit_value)d characters or fewer")}
