import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.services import StreetNotInWard, profile_create, profile_update
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_create_puts_a_street_in_its_ward():
    """A profile made with only a street lives in that street's ward."""
    street = StreetFactory()
    profile = profile_create(user=UserFactory(), street=street)
    assert profile.ward == street.ward


def test_update_changes_only_the_fields_given():
    """Fields not passed keep their values; text is trimmed."""
    profile = ProfileFactory(what_i_care_about="Trees.")
    profile_update(profile=profile, what_i_can_do="  I bake bread.  ")
    profile.refresh_from_db()
    assert profile.what_i_can_do == "I bake bread."
    assert profile.what_i_care_about == "Trees."


def test_new_street_moves_the_profile_to_its_ward():
    """Choosing a street in another ward moves the profile to that ward."""
    profile = ProfileFactory()
    street = StreetFactory()
    profile_update(profile=profile, street=street)
    profile.refresh_from_db()
    assert (profile.ward, profile.street) == (street.ward, street)


def test_new_ward_clears_a_street_outside_it():
    """Moving to another ward forgets the old street."""
    profile = ProfileFactory()
    ward = WardFactory()
    profile_update(profile=profile, ward=ward)
    profile.refresh_from_db()
    assert (profile.ward, profile.street) == (ward, None)


def test_clearing_the_ward_clears_the_street():
    """None for the ward removes both ward and street."""
    profile = ProfileFactory()
    profile_update(profile=profile, ward=None)
    profile.refresh_from_db()
    assert (profile.ward, profile.street) == (None, None)


def test_street_and_ward_that_disagree_are_refused():
    """A street outside the ward given with it raises StreetNotInWard."""
    profile = ProfileFactory()
    with pytest.raises(StreetNotInWard):
        profile_update(profile=profile, ward=WardFactory(), street=StreetFactory())


def test_profile_edit_refuses_fields_that_are_not_editable():
    """Only the profile's own fields can be changed through the edit service."""
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.people.services import profile_edit

    with pytest.raises(ValueError, match="cannot be edited"):
        profile_edit(user=UserFactory(), ward=None, street=None, details={"user_id": 1})


def test_profile_edit_refuses_public_access_needs():
    """The service itself refuses to make access needs public."""
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.people.services import profile_edit

    with pytest.raises(ValueError, match="access_needs"):
        profile_edit(
            user=UserFactory(),
            ward=None,
            street=None,
            details={"visibility_access_needs": "public"},
        )
