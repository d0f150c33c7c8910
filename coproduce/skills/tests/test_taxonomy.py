import json

import pytest

from coproduce.skills import taxonomy


def test_every_community_skill_is_in_the_taxonomy():
    """The shipped taxonomy has each skill in the shared list once, with a description."""
    _categories, skills = taxonomy.load()
    assert len(skills) == 56
    assert all(entry.description.endswith(".") for entry in skills)
    assert {entry.slug for entry in skills} >= {"event-planning", "british-sign-language"}


def test_a_skill_listed_twice_is_refused(tmp_path):
    """A taxonomy file naming a skill twice is an error, not a silent merge."""
    path = tmp_path / "taxonomy.json"
    category = {"slug": "a", "name": "A", "skills": [["Cooking", "x."], ["cooking", "y."]]}
    path.write_text(json.dumps({"categories": [category]}))
    with pytest.raises(ValueError, match="listed twice"):
        taxonomy.load(path)


def test_slugs_are_plain_ascii():
    """Slugs drop accents and punctuation."""
    assert taxonomy.slug_for("Café & crêpes") == "cafe-crepes"
