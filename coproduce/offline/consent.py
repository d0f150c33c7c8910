"""The words read to a person before they are registered, and what they can agree to.

Kept in one place so the form shows them, the record stores them exactly as they were, and
a paper sheet prints them.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SCRIPT_VERSION = "1"


def script() -> str:
    """The standard words to read out, in plain English."""
    return _(
        "We would like to put your name on the council's Coproduce website. Then you can take "
        "part in local events, polls and the time bank without going online. "
        "We will keep your name, your street and how you want us to contact you. "
        "Only council officers and your street champion can see your contact details. "
        "We will never show them to anyone else. "
        "When we do something for you, like booking a place at an event, we write down who "
        "did it and when. You can ask to see this at any time. "
        "You can ask us to stop and delete your details at any time. "
        "You can also take over the account yourself later, with your own email address. "
        "Is that all right?"
    )


AGREEMENTS = {
    "record": gettext_lazy("We keep their name, street and how to contact them"),
    "act": gettext_lazy("Officers and their champion may do things for them on the platform"),
    "contact": gettext_lazy("We may contact them in the way they chose"),
}
# Without these two there is nothing to hold and no reason to hold it.
NEEDED = ("record", "act")


def paper_words(sheet_id: int, taken_by: str) -> str:
    """What a consent ticked on a paper sheet records as its script."""
    return _("Consent on paper sheet %(sheet)s, taken by %(officer)s.") % {
        "sheet": sheet_id,
        "officer": taken_by,
    }
