import json

import pytest

from coproduce.skills import taxonomy


def _write(tmp_path, skills) -> object:
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps({"categories": [{"slug": "a", "name": "A", "skills": skills}]}))
    return path


def test_every_community_skill_is_in_the_taxonomy():
    """The shipped taxonomy has each skill in the shared list once, with a description."""
    _categories, skills = taxonomy.load()
    assert len(skills) == 56
    assert all(entry.description.endswith(".") for entry in skills)
    assert {entry.slug for entry in skills} >= {"event-planning", "british-sign-language"}


def test_labels_are_exactly_as_in_the_shared_list():
    """Labels keep the shared list's own capitals: lower case except names and initials."""
    _categories, skills = taxonomy.load()
    names = {entry.name for entry in skills}
    assert {"event planning", "first aid", "British Sign Language", "IT support"} <= names
    assert "English language teaching" in names
    assert "Event planning" not in names and "it support" not in names


def test_a_skill_listed_twice_is_refused(tmp_path):
    """A taxonomy file naming a skill twice is an error, not a silent merge."""
    path = _write(tmp_path, [["Cooking", "x."], {"label": "cooking", "description": "y."}])
    with pytest.raises(ValueError, match="listed twice"):
        taxonomy.load(path)


def test_both_forms_of_entry_are_read(tmp_path):
    """A pair and an object give the same kind of entry; the object may add other words."""
    path = _write(
        tmp_path,
        [
            ["cooking", "Making meals."],
            {
                "label": "first aid",
                "description": "Helping in an emergency.",
                "alt_labels": ["CPR", " ", "CPR", "treating cuts"],
                "esco_uri": "http://data.europa.eu/esco/skill/abc",
            },
        ],
    )
    _categories, (cooking, first_aid) = taxonomy.load(path)
    assert (cooking.alt_labels, cooking.esco_uri) == ((), "")
    assert first_aid.slug == "first-aid"
    assert first_aid.alt_labels == ("CPR", "treating cuts")
    assert first_aid.esco_uri == "http://data.europa.eu/esco/skill/abc"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (["cooking"], "must be"),
        ({"label": "cooking"}, "needs a label and a description"),
        ({"label": "cooking", "description": "x.", "alt_labels": "cook"}, "list of words"),
        ({"label": "cooking", "description": "x.", "colour": "red"}, "Unknown keys"),
        ({"label": " ", "description": "x."}, "empty label"),
    ],
)
def test_a_malformed_entry_is_refused(tmp_path, raw, message):
    """An entry in neither form, or with wrong types, is an error naming the problem."""
    with pytest.raises(ValueError, match=message):
        taxonomy.load(_write(tmp_path, [raw]))


def test_slugs_are_plain_ascii():
    """Slugs drop accents and punctuation."""
    assert taxonomy.slug_for("Café & crêpes") == "cafe-crepes"
