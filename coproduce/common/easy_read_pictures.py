"""The pictures easy-read pages use: simple inline SVG pictograms, each with words saying
what it shows.

Inline, so no other host is asked for anything (the Content Security Policy allows none) and
the picture takes the text colour (high contrast mode included). Drawn on a 64 by 64 grid
with strokes only, to be read at a glance. Pure data with no Django import beyond marking
the words for translation.
"""

from django.utils.translation import gettext_lazy as _

_FACE = '<circle cx="32" cy="32" r="28"/><circle cx="22" cy="26" r="3"/><circle cx="42" cy="26" r="3"/>'

# name -> (the words a screen reader says, the SVG drawing inside the 64 by 64 box)
PICTURES = {
    "very_bad": (
        _("A very sad face"),
        _FACE + '<path d="M18 48 Q32 34 46 48"/><path d="M16 18 L26 22 M48 18 L38 22"/>',
    ),
    "bad": (_("A sad face"), _FACE + '<path d="M20 46 Q32 38 44 46"/>'),
    "okay": (_("A face that is not happy or sad"), _FACE + '<path d="M20 43 L44 43"/>'),
    "good": (_("A happy face"), _FACE + '<path d="M20 40 Q32 48 44 40"/>'),
    "very_good": (
        _("A very happy face"),
        _FACE + '<path d="M16 36 Q32 56 48 36 Z"/>',
    ),
    "talk": (
        _("A speech bubble"),
        '<path d="M8 12 H56 V42 H28 L16 54 V42 H8 Z"/><path d="M18 24 H46 M18 32 H38"/>',
    ),
    "star": (
        _("A star"),
        '<path d="M32 6 L39 24 L58 24 L43 36 L49 56 L32 44 L15 56 L21 36 L6 24 L25 24 Z"/>',
    ),
    "better": (
        _("An arrow that goes up"),
        '<path d="M32 56 V10 M14 28 L32 10 L50 28"/>',
    ),
    "person": (
        _("A person"),
        '<circle cx="32" cy="18" r="10"/><path d="M12 58 Q12 32 32 32 Q52 32 52 58 Z"/>',
    ),
    "letter": (
        _("A letter"),
        '<rect x="8" y="16" width="48" height="34"/><path d="M8 16 L32 36 L56 16"/>',
    ),
    "eye": (
        _("An eye"),
        '<path d="M4 32 Q32 6 60 32 Q32 58 4 32 Z"/><circle cx="32" cy="32" r="8"/>',
    ),
    "tick": (_("A tick"), '<path d="M10 34 L26 50 L54 14"/>'),
    "lock": (
        _("A lock"),
        '<rect x="14" y="28" width="36" height="28"/><path d="M22 28 V18 Q32 4 42 18 V28"/>',
    ),
}

#: How it went, worst first: the five points of a rating scale, each with its face.
RATING_PICTURES = ("very_bad", "bad", "okay", "good", "very_good")


def svg(name: str) -> str:
    """The picture's SVG markup (trusted: every drawing is written above), without a label."""
    return PICTURES[name][1]


def alt(name: str) -> str:
    """What the picture shows, in words."""
    return str(PICTURES[name][0])
