"""Is this barrier one the library already knows? Pure Python, no Django import.

Sets name the same barrier in many ways: "lack of affordable space", "no cheap rooms to
hire", "venues cost too much". Each text is reduced to the ideas it names (a small list of
words that mean the same in this setting, then a rough stem), and compared with every text
already linked to a library entry, so the library learns the words people use as
facilitators link barriers. The score is the overlap of ideas (Jaccard), 0 to 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Strong enough to link without asking; weaker matches are offered as suggestions.
LINK_AT = 0.75
SUGGEST_AT = 0.34

_WORD = re.compile(r"[a-z]+")
# Words that say a barrier exists, not what it is.
_EMPTY = frozenset(
    " ".join(
        (
            "a an and the of for to in on at by with from as or is are be been being it its our",
            "we they them their there this that these those not no lack lacking lacks enough",
            "too much many little few shortage short hard difficult difficulty problem problems",
            "issue issues getting get gets got can cannot cant don dont doesn doesnt isn isnt",
            "very really any some who what when how people t s about doing do does things",
            "thing way ways",
        )
    ).split()
)
_IDEAS: dict[str, tuple[str, ...]] = {
    "cost": (
        "affordable",
        "cheap",
        "cost",
        "costs",
        "expensive",
        "price",
        "prices",
        "fee",
        "fees",
        "hire",
        "rent",
        "rents",
        "pricey",
        "afford",
        "charge",
        "charges",
    ),
    "space": (
        "space",
        "spaces",
        "room",
        "rooms",
        "venue",
        "venues",
        "hall",
        "halls",
        "building",
        "buildings",
        "premises",
        "place",
        "places",
        "somewhere",
    ),
    "money": (
        "money",
        "fund",
        "funds",
        "funding",
        "funded",
        "budget",
        "budgets",
        "grant",
        "grants",
        "cash",
        "finance",
        "financial",
        "cuts",
        "cut",
    ),
    "staff": (
        "staff",
        "staffing",
        "officer",
        "officers",
        "worker",
        "workers",
        "employee",
        "employees",
        "team",
        "teams",
        "colleague",
        "colleagues",
    ),
    "capacity": (
        "overstretched",
        "stretched",
        "busy",
        "capacity",
        "workload",
        "overworked",
        "overloaded",
        "stretch",
        "time",
        "stress",
        "stressed",
        "burnout",
        "burnt",
    ),
    "fear": (
        "fear",
        "fears",
        "afraid",
        "scared",
        "worry",
        "worried",
        "worries",
        "anxious",
        "anxiety",
        "nervous",
        "frightened",
        "resistance",
        "reluctant",
        "reluctance",
    ),
    "change": ("change", "changes", "changing", "new", "different", "differently", "innovation"),
    "volunteer": ("volunteer", "volunteers", "volunteering", "helpers", "helper"),
    "trust": (
        "trust",
        "trusted",
        "distrust",
        "mistrust",
        "suspicion",
        "suspicious",
        "cynicism",
        "cynical",
    ),
    "transport": (
        "transport",
        "bus",
        "buses",
        "travel",
        "lift",
        "lifts",
        "parking",
        "distance",
        "far",
    ),
    "rules": (
        "rules",
        "red",
        "tape",
        "bureaucracy",
        "bureaucratic",
        "paperwork",
        "policy",
        "policies",
        "permission",
        "permissions",
        "licence",
        "license",
        "insurance",
        "procurement",
        "forms",
        "sign",
    ),
    "awareness": (
        "awareness",
        "aware",
        "know",
        "knowing",
        "known",
        "publicity",
        "heard",
        "word",
        "advertise",
        "advertising",
        "promotion",
        "reach",
    ),
    "engagement": (
        "engagement",
        "engaged",
        "engage",
        "interest",
        "interested",
        "apathy",
        "turnout",
        "involvement",
        "involved",
        "involve",
        "participation",
    ),
    "skills": ("skills", "skill", "expertise", "experience", "training", "know-how"),
    "management": (
        "management",
        "managers",
        "manager",
        "leadership",
        "leaders",
        "senior",
        "buy",
        "backing",
        "support",
    ),
}
_IDEA_OF = {word: idea for idea, words in _IDEAS.items() for word in words}


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ers", "er", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def ideas(text: str) -> frozenset[str]:
    """The ideas a barrier names: "No cheap rooms to hire" -> {cost, space}."""
    found = set()
    for word in _WORD.findall(text.lower().replace("red tape", "red_tape")):
        if word in _EMPTY:
            continue
        found.add(_IDEA_OF.get(word) or _IDEA_OF.get(_stem(word)) or _stem(word))
    return frozenset(found)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Entry:
    """A library entry and the texts it is known by (its name and linked barriers)."""

    key: int
    texts: Sequence[str]


@dataclass(frozen=True)
class Match:
    key: int
    score: float
    closest: str


def rank(text: str, entries: Iterable[Entry], *, at_least: float = SUGGEST_AT) -> list[Match]:
    """Library entries this barrier may be, best first, each with its closest known text."""
    wanted = ideas(text)
    matches = []
    for entry in entries:
        best, closest = 0.0, ""
        for known in entry.texts:
            score = similarity(wanted, ideas(known))
            if score > best:
                best, closest = score, known
        if best >= at_least:
            matches.append(Match(entry.key, round(best, 3), closest))
    matches.sort(key=lambda m: (-m.score, m.key))
    return matches
