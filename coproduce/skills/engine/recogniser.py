"""Free text -> ranked skills, each with a score and the words that suggested it.

No Django import. How a text is scored against a skill:

1. The text is split into phrases (engine/text.py): the whole text and each clause.
2. Every phrase is embedded, and compared (cosine) with two things per skill: the skill's
   label with its description, and the closest of its alternative labels (the everyday
   words people use for it: "put on a street party" for event planning).
   phrase score = (label-and-description + closest alternative) / 2
3. A small bonus when the phrase shares words with the label or an alternative label.
4. A skill's score is its best phrase's score; that phrase is the evidence.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import lexical, text
from .embedder import MODEL_SHA256, Embedder
from .suggestion import Suggestion

LEXICAL_WEIGHT = 0.03
# Below this a skill is not suggested to a person (the command line still ranks them all).
SUGGEST_FROM = 0.40
VECTORS_VERSION = 1


@dataclass(frozen=True)
class SkillText:
    key: str
    label: str
    description: str = ""
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    suggestions: list[Suggestion]
    truncated: bool = False
    phrases: list[str] = field(default_factory=list)


def fingerprint(skills: Sequence[SkillText]) -> str:
    """Changes whenever the taxonomy's words or the model change: the cache key."""
    payload = json.dumps(
        [
            VECTORS_VERSION,
            MODEL_SHA256,
            [[s.key, s.label, s.description, s.alt_labels] for s in skills],
        ]
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


@dataclass
class SkillVectors:
    fingerprint: str
    main: np.ndarray  # (skills, 384): label with description
    alternatives: np.ndarray  # (alternatives, 384), grouped by skill
    starts: np.ndarray  # index of each skill's first alternative (each has at least one)

    @classmethod
    def build(cls, embedder: Embedder, skills: Sequence[SkillText]) -> "SkillVectors":
        main = embedder.embed([_label_with_description(s) for s in skills])
        texts, starts = [], []
        for skill in skills:
            starts.append(len(texts))
            texts.extend([skill.label, *skill.alt_labels])
        return cls(fingerprint(skills), main, embedder.embed(texts), np.array(starts))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npz")
        np.savez(partial, main=self.main, alternatives=self.alternatives, starts=self.starts)
        partial.replace(path)  # a reader never sees half a file

    @classmethod
    def load(cls, path: Path, expected: str) -> "SkillVectors | None":
        try:
            with np.load(path) as data:
                return cls(expected, data["main"], data["alternatives"], data["starts"])
        except (OSError, KeyError, ValueError):
            return None


def _label_with_description(skill: SkillText) -> str:
    return f"{skill.label}: {skill.description}" if skill.description else skill.label


class Recogniser:
    def __init__(
        self,
        embedder: Embedder,
        skills: Sequence[SkillText],
        *,
        cache_dir: Path | None = None,
    ):
        if not skills:
            raise ValueError("The taxonomy is empty: there are no skills to recognise")
        self.embedder = embedder
        self.skills = list(skills)
        self.vectors = self._vectors(cache_dir)
        self.lexical = lexical.LexicalRanker([[s.label, *s.alt_labels] for s in self.skills])

    def _vectors(self, cache_dir: Path | None) -> SkillVectors:
        key = fingerprint(self.skills)
        path = cache_dir / f"skill-vectors-{key}.npz" if cache_dir else None
        if path is not None and path.exists():
            cached = SkillVectors.load(path, key)
            if cached is not None and cached.main.shape[0] == len(self.skills):
                return cached
        vectors = SkillVectors.build(self.embedder, self.skills)
        if path is not None:
            vectors.save(path)
        return vectors

    def recognise(self, content: str, *, top: int = 5) -> Result:
        return self.recognise_many([content], top=top)[0]

    def recognise_many(self, contents: Sequence[str], *, top: int = 5) -> list[Result]:
        """Rank skills for each text. Empty texts give no suggestions."""
        split = [text.phrases(content) for content in contents]
        flat = [phrase for phrases, _cut in split for phrase in phrases]
        embedded = self.embedder.embed(flat)
        results, at = [], 0
        for phrases, truncated in split:
            rows = embedded[at : at + len(phrases)]
            at += len(phrases)
            results.append(Result(self._rank(phrases, rows, top), truncated, phrases))
        return results

    def _rank(self, phrases: list[str], rows: np.ndarray, top: int) -> list[Suggestion]:
        if not phrases:
            return []
        v = self.vectors
        main = rows @ v.main.T  # (phrases, skills)
        closest = np.maximum.reduceat(rows @ v.alternatives.T, v.starts, axis=1)
        scores = (main + closest) / 2
        for i, phrase in enumerate(phrases):
            scores[i] += LEXICAL_WEIGHT * np.asarray(self.lexical.scores(phrase))
        best_phrase = scores.argmax(axis=0)
        best = scores.max(axis=0)
        order = np.argsort(-best)[: max(top, 0)]
        return [
            Suggestion(
                key=self.skills[j].key,
                label=self.skills[j].label,
                score=round(float(best[j]), 4),
                evidence=_evidence(phrases, scores[:, j], int(best_phrase[j])),
            )
            for j in order
        ]


def _evidence(phrases: list[str], scores: np.ndarray, best: int) -> str:
    """The phrase that suggested the skill: a clause rather than the whole text, if one
    scores nearly as well, as that points at the words that matter."""
    if best == 0 and len(phrases) > 1:
        clause = 1 + int(scores[1:].argmax())
        if scores[clause] >= scores[0] - 0.03:
            return phrases[clause]
    return phrases[best]
