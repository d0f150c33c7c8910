"""Splitting what people write into phrases. No Django import.

People list several things in one breath ("I keep bees and grow fruit trees"), so each
clause is looked at on its own as well as the text as a whole. Long texts are cut to a
bounded number of phrases so that one pasted essay cannot hold up a web request.
"""

import re
import unicodedata

MAX_CHARS = 10_000
MAX_PHRASES = 48
_BREAKS = re.compile(r"[.!?;:\n\r•·]+|,|\s+(?:and|but|also|plus|as well as|&)\s+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Normalise Unicode and spaces, and drop control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return _SPACE.sub(" ", text).strip()


def phrases(text: str) -> tuple[list[str], bool]:
    """The text (if short enough to read as one) and its clauses; and whether it was cut.

    The first phrase is the whole text when it has more than one clause, so a skill shown
    by the sentence as a whole is not lost by splitting it."""
    text = clean(text)
    truncated = len(text) > MAX_CHARS
    text = text[:MAX_CHARS]
    parts = [p.strip(" -–—'\"()") for p in _BREAKS.split(text)]
    parts = [p for p in parts if len(p) >= 3 and any(ch.isalnum() for ch in p)]
    if len(parts) > MAX_PHRASES:
        parts, truncated = parts[:MAX_PHRASES], True
    whole = [text] if len(parts) != 1 and len(text) <= 600 and text else []
    seen, result = set(), []
    for phrase in whole + parts:
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            result.append(phrase)
    return result, truncated
