"""Looking up interface text: the fallbacks that hold nothing are gone, the rest still work."""

from gettext import GNUTranslations, NullTranslations

from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

from coproduce.common.translations import fallbacks_trim


def _catalogue(messages: dict) -> GNUTranslations:
    catalogue = GNUTranslations.__new__(GNUTranslations)
    NullTranslations.__init__(catalogue)
    catalogue._catalog = messages
    catalogue.plural = lambda n: int(n != 1)
    return catalogue


def _chain(first) -> list:
    found, catalogue = [], first._fallback
    while catalogue is not None:
        found.append(catalogue)
        catalogue = catalogue._fallback
    return found


def test_the_sites_language_falls_back_to_no_empty_catalogue():
    chain = _chain(trans_real.translation(settings.LANGUAGE_CODE))
    assert not [c for c in chain if isinstance(c, GNUTranslations) and set(c._catalog) <= {""}]


def test_text_is_still_translated_and_ours_comes_back_unchanged():
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("Share a project") == "Share a project"
        # Strings that Django's British catalogue holds, found in it as before.
        assert translation.gettext("Enter a valid value.") == "Enter a valid value."
        assert translation.ngettext("%d second", "%d seconds", 2) == "%d seconds"
        assert translation.pgettext("abbrev. month", "Aug.") == "Aug."


def test_catalogues_with_messages_stay_in_their_order():
    head = _catalogue({"": "header", "a": "A"})
    empty, useful, header_only, last = (
        _catalogue({}),
        _catalogue({"b": "B"}),
        _catalogue({"": "header"}),
        _catalogue({"c": "C"}),
    )
    head.add_fallback(empty)
    head.add_fallback(useful)
    head.add_fallback(header_only)
    head.add_fallback(last)
    assert fallbacks_trim(head) == 2
    assert _chain(head) == [useful, last]
    assert [head.gettext(m) for m in ("a", "b", "c", "d")] == ["A", "B", "C", "d"]


def test_another_language_django_falls_back_to_is_kept():
    head = _catalogue({"a": "A"})
    other = trans_real.DjangoTranslation.__new__(trans_real.DjangoTranslation)
    other._catalog, other._fallback = None, None
    head.add_fallback(other)
    assert fallbacks_trim(head) == 0
    assert _chain(head) == [other]
