"""The community skills taxonomy shipped with the code. Plain Python: no Django import."""

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


@dataclass(frozen=True)
class CategoryEntry:
    slug: str
    name: str
    position: int


def slug_for(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def load(path: Path = TAXONOMY_FILE) -> tuple[list[CategoryEntry], list[SkillEntry]]:
    """Read the taxonomy; raises ValueError if a skill is listed twice."""
    data = json.loads(path.read_text(encoding="utf-8"))
    categories, skills, seen = [], [], set()
    for position, category in enumerate(data["categories"]):
        categories.append(CategoryEntry(category["slug"], category["name"], position))
        for name, description in category["skills"]:
            slug = slug_for(name)
            if slug in seen:
                raise ValueError(f"The skill {name!r} is listed twice in {path.name}")
            seen.add(slug)
            skills.append(SkillEntry(slug, name, description, category["slug"]))
    return categories, skills
