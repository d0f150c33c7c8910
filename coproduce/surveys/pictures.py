"""The built-in pictures for easy-read questions and options, with the words that describe them.

Each is a simple black-on-white pictogram in `static/surveys/pictures/<name>.svg`, drawn to be
read at a glance. The alt text says what the picture shows, so a screen reader user hears the
same thing a sighted reader sees.
"""

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

PICTURES = {
    "yes": _("A tick: yes"),
    "no": _("A cross: no"),
    "not_sure": _("A question mark: not sure"),
    "question": _("A speech bubble: a question"),
    "park": _("A park with a tree and a bench"),
    "bus": _("A bus"),
    "house": _("A house"),
    "shop": _("A shop"),
    "food": _("A plate with a knife and fork: food"),
    "people": _("Two people: people together"),
    "money": _("A coin with a pound sign: money"),
    "clock": _("A clock: time"),
    "safe": _("A shield with a tick: feeling safe"),
    "school": _("A school building"),
    "health": _("A cross for health"),
    "bin": _("A bin for rubbish"),
    "tree": _("A tree"),
    "road": _("A road"),
    "library": _("Books: a library"),
    "light": _("A street light"),
    "play": _("A swing: a place to play"),
    "bench": _("A bench to sit on"),
    "toilet": _("A toilet sign"),
    "happy": _("A happy face"),
    "sad": _("A sad face"),
    "okay": _("A face that is neither happy nor sad"),
}

PICTURE_CHOICES = list(PICTURES.items())


def picture_url(name: str) -> str:
    return static(f"surveys/pictures/{name}.svg")


def picture_alt(name: str) -> str:
    return str(PICTURES.get(name, ""))
