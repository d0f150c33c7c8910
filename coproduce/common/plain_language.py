"""Plain-language advice for what people write: jargon, long sentences and a reading age.

Advises, never blocks. No Django import, so it can run anywhere (and in a benchmark). The
word list is data (`data/plain_words.json`) that officers can extend without touching code.

Reading age uses the Flesch-Kincaid grade level, plus five years for the UK school age at
which a child of that US grade is. It is a rough guide: short words in short sentences
score well; it knows nothing about meaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

WORD_LIST = Path(__file__).with_name("data") / "plain_words.json"
LONG_SENTENCE_WORDS = 25
TARGET_READING_AGE = 9  # GOV.UK writes for a reading age of 9
MAX_TEXT = 20_000  # longer texts are advised on their first part only, to keep time bounded

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True)
class Flag:
    """One piece of advice, with where it applies (character offsets in the text)."""

    kind: str  # "jargon" or "long_sentence"
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    message: str = ""


@dataclass(frozen=True)
class Advice:
    reading_age: int | None
    words: int
    sentences: int
    flags: list[Flag] = field(default_factory=list)

    @property
    def is_plain(self) -> bool:
        return not self.flags and (self.reading_age or 0) <= TARGET_READING_AGE + 3


@dataclass(frozen=True)
class WordList:
    phrases: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]

    @classmethod
    def from_dict(cls, data: dict) -> WordList:
        return cls(
            phrases={k.lower(): tuple(v) for k, v in data.get("phrases", {}).items()},
            words={k.lower(): tuple(v) for k, v in data.get("words", {}).items()},
        )


@cache
def default_word_list() -> WordList:
    return WordList.from_dict(json.loads(WORD_LIST.read_text(encoding="utf-8")))


def count_syllables(word: str) -> int:
    """An estimate good enough for readability scores (vowel groups, silent final e)."""
    word = word.lower().strip("'-")
    if not word:
        return 0
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def reading_age(text: str) -> int | None:
    """The UK reading age, in years, or None when there are no words to judge."""
    sentences = [s for s in _SENTENCE.findall(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not words or not sentences:
        return None
    syllables = sum(count_syllables(w) for w in words)
    grade = 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59
    return max(5, round(grade + 5))


def _jargon_flags(text: str, word_list: WordList) -> list[Flag]:
    lowered = text.lower()
    flags: list[Flag] = []
    covered: list[tuple[int, int]] = []
    for phrase, suggestions in sorted(word_list.phrases.items(), key=lambda p: -len(p[0])):
        for match in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            covered.append(match.span())
            flags.append(_jargon(text, match.span(), suggestions))
    for match in _WORD.finditer(text):
        suggestions = word_list.words.get(match.group(0).lower())
        if suggestions and not any(a <= match.start() < b for a, b in covered):
            flags.append(_jargon(text, match.span(), suggestions))
    return flags


def _jargon(text: str, span: tuple[int, int], suggestions: tuple[str, ...]) -> Flag:
    words = text[span[0] : span[1]]
    plain = " or ".join(f"'{s}'" for s in suggestions)
    return Flag(
        kind="jargon",
        start=span[0],
        end=span[1],
        text=words,
        suggestions=suggestions,
        message=f"'{words}' may be hard to understand. Try {plain}.",
    )


def _long_sentence_flags(text: str) -> list[Flag]:
    flags = []
    for match in _SENTENCE.finditer(text):
        count = len(_WORD.findall(match.group(0)))
        if count > LONG_SENTENCE_WORDS:
            flags.append(
                Flag(
                    kind="long_sentence",
                    start=match.start(),
                    end=match.end(),
                    text=match.group(0).strip(),
                    message=(
                        f"This sentence has {count} words. Try to keep sentences under "
                        f"{LONG_SENTENCE_WORDS} words, or split it in two."
                    ),
                )
            )
    return flags


def advise(text: str, *, word_list: WordList | None = None) -> Advice:
    """Advice on one piece of writing, with flags in the order they appear."""
    text = (text or "")[:MAX_TEXT]
    word_list = word_list or default_word_list()
    flags = _jargon_flags(text, word_list) + _long_sentence_flags(text)
    flags.sort(key=lambda f: (f.start, f.kind))
    return Advice(
        reading_age=reading_age(text),
        words=len(_WORD.findall(text)),
        sentences=len([s for s in _SENTENCE.findall(text) if _WORD.search(s)]),
        flags=flags,
    )
