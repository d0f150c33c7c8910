"""The community skills taxonomy shipped with the code. Plain Python: no Django import.

Each skill in data/taxonomy.json is either a pair ``["label", "Description."]`` or an object
``{"label": ..., "description": ..., "alt_labels": [...], "esco_uri": ...}`` where only
``label`` and ``description`` are needed. Labels are kept exactly as written (usually lower
case, as in "event planning"); pages show them with a capital first letter."""

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.json"


@dataclass(frozen=True)
class SkillEntry:
    slug: str
    name: str
    description: str
    category_slug: str
    alt_labels: tuple[str, ...] = ()
    esco_uri: str = ""


@dataclass(frozen=True)
class CategoryEntry:
    slug: str
    name: str
    position: int


def slug_for(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _entry(raw, category_slug: str, filename: str) -> SkillEntry:
    """One skill from the file in either form; ValueError says what is wrong with it."""
    if isinstance(raw, list) and len(raw) == 2 and all(isinstance(v, str) for v in raw):
        name, description = raw
        alt_labels, esco_uri = [], ""
    elif isinstance(raw, dict):
        unknown = set(raw) - {"label", "description", "alt_labels", "esco_uri"}
        if unknown:
            raise ValueError(f"Unknown keys {sorted(unknown)} for a skill in {filename}: {raw!r}")
        name, description = raw.get("label"), raw.get("description")
        alt_labels, esco_uri = raw.get("alt_labels", []), raw.get("esco_uri", "")
        if not isinstance(name, str) or not isinstance(description, str):
            raise ValueError(f"A skill in {filename} needs a label and a description: {raw!r}")
        if not isinstance(alt_labels, list) or not all(isinstance(v, str) for v in alt_labels):
            raise ValueError(f"alt_labels of {name!r} in {filename} must be a list of words")
        if not isinstance(esco_uri, str):
            raise ValueError(f"esco_uri of {name!r} in {filename} must be a string")
    else:
        raise ValueError(
            f"A skill in {filename} must be [label, description] or an object: {raw!r}"
        )
    name = name.strip()
    if not name:
        raise ValueError(f"A skill in {filename} has an empty label")
    labels = tuple(dict.fromkeys(label.strip() for label in alt_labels if label.strip()))
    return SkillEntry(
        slug_for(name), name, description.strip(), category_slug, labels, esco_uri.strip()
    )


def load(path: Path = TAXONOMY_FILE) -> tuple[list[CategoryEntry], list[SkillEntry]]:
    """Read the taxonomy; raises ValueError if a skill is listed twice or is malformed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    categories, skills, seen = [], [], set()
    for position, category in enumerate(data["categories"]):
        categories.append(CategoryEntry(category["slug"], category["name"], position))
        for raw in category["skills"]:
            entry = _entry(raw, category["slug"], path.name)
            if entry.slug in seen:
                raise ValueError(f"The skill {entry.name!r} is listed twice in {path.name}")
            seen.add(entry.slug)
            skills.append(entry)
    return categories, skills
