"""The recognition engine, loaded once per process, over the current taxonomy.

Web workers in production do not load it: with SKILLS_SERVICE_URL set, suggestions come from
one shared process (`manage.py skills_service`, recognition_server.py), because the model
costs about 200 MiB in every process that loads it (issue 19). Without it, as under
`make run`, this process loads the engine on its first suggestion.

The engine's vectors for the taxonomy are cached on disk under a key made from the skills'
words and the model, so a change to the taxonomy (an officer adds, renames or merges a skill)
gives a new key and fresh vectors, and an unchanged one loads in milliseconds.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError

from . import taxonomy
from .engine.suggestion import Suggestion
from .models import Skill
from .recognition_client import RecognitionUnavailable, remote_suggestions

if TYPE_CHECKING:
    from .engine.embedder import Embedder
    from .engine.recogniser import Recogniser, SkillText

# The engine (numpy, and onnxruntime once it embeds) is imported inside the functions that
# run it in this process: a web worker that asks the shared skills process never loads it.

__all__ = ["MAX_TEXT_CHARS", "RecognitionUnavailable", "recogniser", "suggestions_for"]

# Longer texts are refused rather than cut: a suggestion must come from the words given.
MAX_TEXT_CHARS = 2000

_lock = threading.Lock()
_current: dict[str, Recogniser] = {}


@cache
def _embedder() -> Embedder:
    from .engine.embedder import Embedder

    return Embedder()


def skill_texts() -> list[SkillText]:
    """The current skills, with their alternative labels, in a stable order.

    A database that has not been set up yet (no skills table, or no skills) falls back on
    the taxonomy shipped with the code, so the command line works anywhere."""
    from .engine.recogniser import SkillText

    try:
        skills = list(Skill.objects.filter(is_current=True).order_by("slug"))
    except DatabaseError:
        skills = []
    if not skills:
        _categories, entries = taxonomy.load()
        return [shipped_text(entry) for entry in sorted(entries, key=lambda e: e.slug)]
    return [
        SkillText(skill.slug, skill.name, skill.description, tuple(skill.alt_labels))
        for skill in skills
    ]


def shipped_text(entry: taxonomy.SkillEntry) -> SkillText:
    from .engine.recogniser import SkillText

    return SkillText(entry.slug, entry.name, entry.description, entry.alt_labels)


def recogniser() -> Recogniser:
    """The engine for the taxonomy as it is now (rebuilt when the taxonomy changes)."""
    from .engine.recogniser import Recogniser, fingerprint

    texts = skill_texts()
    key = fingerprint(texts)
    with _lock:
        engine = _current.get(key)
        if engine is None:
            cache_dir = getattr(settings, "SKILL_VECTORS_DIR", None)
            engine = Recogniser(
                _embedder(), texts, cache_dir=Path(cache_dir) if cache_dir else None
            )
            _current.clear()
            _current[key] = engine
    return engine


def suggestions_for(
    text: str, *, exclude: set[str] = frozenset(), top: int = 5
) -> list[Suggestion]:
    """Skills the text suggests strongly enough to ask the person about, best first.

    Raises RecognitionUnavailable when the shared recognition process does not answer."""
    if not text.strip():
        return []
    service = getattr(settings, "SKILLS_SERVICE_URL", "")
    if service:
        return remote_suggestions(service, text, exclude=exclude, top=top)
    return local_suggestions(text, exclude=exclude, top=top)


def local_suggestions(text: str, *, exclude: set[str], top: int) -> list[Suggestion]:
    """Recognised in this process (the shared process itself, or a process without one)."""
    from .engine.recogniser import SUGGEST_FROM

    if not text.strip():
        return []
    ranked = recogniser().recognise(text, top=top + len(exclude)).suggestions
    return [s for s in ranked if s.score >= SUGGEST_FROM and s.key not in exclude][:top]
