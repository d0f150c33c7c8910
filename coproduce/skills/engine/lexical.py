"""Word overlap between a text and a skill's words. No Django import.

Used two ways: as a small extra signal in the recogniser (someone who writes "ESOL" or
"BSL" has said the word itself), and on its own as the baseline the evaluation compares
the engine against.
"""

import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    # Words that say nothing about a skill.
    "a an and the of for to in on at by with from as or i i'm im my our we me you your it is "
    "are was be been am do does did have has had can could will would so very really just "
    "about into up out over all any some every this that these those who what when where how "
    "not no yes lot lots people things thing help helping"
)
STOP = frozenset(_STOP_WORDS.split())


def stem(word: str) -> str:
    """A rough English stem: enough to match "organising" with "organise"."""
    for suffix in ("ings", "ing", "ers", "er", "ies", "es", "ed", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP}


def overlap(text_words: set[str], skill_words: set[str]) -> float:
    """Share of the skill's words that the text uses (0 to 1)."""
    if not skill_words:
        return 0.0
    return len(text_words & skill_words) / len(skill_words)


class LexicalRanker:
    """Ranks skills by the best word overlap with their label or any alternative label."""

    def __init__(self, skill_texts: Sequence[Iterable[str]]):
        self.skills = [[words(t) for t in texts] for texts in skill_texts]

    def scores(self, text: str) -> list[float]:
        found = words(text)
        return [max((overlap(found, w) for w in labels), default=0.0) for labels in self.skills]
