import pytest

from coproduce.people.privacy import (
    DEFAULTS,
    PARTS,
    Relation,
    Visibility,
    allowed_choices,
    can_see,
    visible_parts,
)

EXPECTED = {
    Visibility.PUBLIC: {Relation.SELF, Relation.ORGANISER, Relation.MEMBER, Relation.VISITOR},
    Visibility.MEMBERS: {Relation.SELF, Relation.ORGANISER, Relation.MEMBER},
    Visibility.ORGANISERS: {Relation.SELF, Relation.ORGANISER},
    Visibility.ONLY_ME: {Relation.SELF},
}


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("relation", list(Relation))
def test_each_visibility_for_each_relation(visibility, relation):
    """Each visibility opens a part to exactly the viewers it names."""
    assert can_see(visibility, relation) == (relation in EXPECTED[visibility])


def test_defaults_show_only_name_and_ward_to_members():
    """Until a person chooses, members see their name and ward and nothing else."""
    assert visible_parts({}, Relation.MEMBER) == {"identity"}
    assert visible_parts({}, Relation.VISITOR) == frozenset()
    assert visible_parts({}, Relation.SELF) == frozenset(PARTS)
    assert DEFAULTS["identity"] == Visibility.MEMBERS


def test_hidden_identity_hides_everything():
    """If a viewer may not see who someone is, they see none of the rest either."""
    choices = dict.fromkeys(PARTS, "public") | {"identity": "only_me"}
    assert visible_parts(choices, Relation.MEMBER) == frozenset()


def test_access_needs_can_never_be_public():
    """Access needs can be shared with organisers at most."""
    assert allowed_choices("access_needs") == {Visibility.ORGANISERS, Visibility.ONLY_ME}
