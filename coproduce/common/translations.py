"""Interface text looked up without walking catalogues that hold nothing.

Django finds a language's catalogues in every installed app. For British English, Python's
gettext also loads each app's plain English catalogue as a fallback of its British one, and
Django keeps those fallbacks. They hold no messages, only a header, so every string of ours
(none is in a catalogue: the interface is written in British English) walked seven of them
before coming back unchanged. A signed-in page looks up a few hundred strings: this was
about a twentieth of its processor time. The chain is trimmed once, when the app starts.
"""

from gettext import GNUTranslations

from django.conf import settings
from django.utils.translation import trans_real


def _holds_nothing(catalogue) -> bool:
    """A plain catalogue with no message (at most the header, whose key is "")."""
    if isinstance(catalogue, trans_real.DjangoTranslation):
        return False  # another language Django falls back to, which must stay
    messages = getattr(catalogue, "_catalog", None)
    return (
        isinstance(catalogue, GNUTranslations)
        and messages is not None
        and not (set(messages) - {""})
    )


def fallbacks_trim(translation) -> int:
    """Take the catalogues that hold nothing out of this translation's fallbacks, keeping
    the order of the rest. Returns how many were taken out."""
    kept, dropped = [], 0
    catalogue = translation._fallback
    while catalogue is not None:
        if _holds_nothing(catalogue):
            dropped += 1
        else:
            kept.append(catalogue)
        catalogue = catalogue._fallback
    following = None
    for catalogue in reversed(kept):
        catalogue._fallback, following = following, catalogue
    translation._fallback = following
    return dropped


def languages_trim() -> None:
    """Trim the chain of every language the site offers. Django keeps one translation per
    language for the life of the process, so this lasts until its catalogues are reloaded
    (the development server does that when a catalogue file changes; then it is only
    slower)."""
    for code, _name in settings.LANGUAGES:
        fallbacks_trim(trans_real.translation(code))
