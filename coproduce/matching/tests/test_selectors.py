import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.matching import selectors
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.projects.tests.factories import NeedFactory

from .factories import helper

pytestmark = pytest.mark.django_db


def _names(need, asker=None):
    return [p.name for p in selectors.people_for_need(need, asker or need.created_by)]


def test_only_open_visible_skilled_people_are_listed():
    """Listed: open to invitations, sharing identity and skills with members, holding a skill."""
    need = NeedFactory()
    shown = helper()
    closed = helper(open_to_invitations=False)
    secret = helper(visibility_skills="only_me")
    hidden_name = helper(visibility_identity="only_me")
    inactive = helper()
    inactive.user.is_active = False
    inactive.user.save()
    names = _names(need)
    assert names == [shown.user.display_name]
    for profile in (closed, secret, hidden_name, inactive):
        assert profile.user.display_name not in names or profile.user.display_name == names[0]
    assert len(names) == 1


def test_organisers_only_skills_need_the_relation():
    """Skills shared with organisers only show to an organiser of a group the person joined."""
    need = NeedFactory()
    person = helper(visibility_skills="organisers")
    assert _names(need) == []
    group = MembershipFactory(user=person.user, shares_with_organisers=True).organisation
    OrganiserFactory(organisation=group, user=need.created_by)
    assert _names(need) == [person.user.display_name]


def test_hidden_availability_is_unknown_not_excluding():
    """Someone whose days are hidden is listed after someone free, without day reasons."""
    need = NeedFactory(days=["mon"])
    free = helper(available_days=["mon"])
    hidden = helper(available_days=["sun"], visibility_availability="only_me")
    busy = helper(available_days=["sun"])
    people = selectors.people_for_need(need, need.created_by)
    assert [p.user_id for p in people] == [free.user_id, hidden.user_id]
    assert busy.user_id not in [p.user_id for p in people]
    assert not any("Sunday" in r or "travel" in r for r in people[1].reasons)


def test_asker_is_not_listed():
    """The asker never appears in their own results."""
    need = NeedFactory()
    helper(user=need.created_by)
    assert _names(need) == []


def test_places_in_ward_and_step_free():
    """Places come from the need's ward; step-free needs leave out places with steps."""
    ward = WardFactory(boundary={})
    need = NeedFactory(ward=ward, needs_step_free=True, days=[])
    flat = PlaceFactory(ward=ward, step_free=True)
    PlaceFactory(ward=ward, step_free=False)
    PlaceFactory(step_free=True, ward=WardFactory(boundary={}))
    results = selectors.places_for_need(need)
    assert [r.place for r in results] == [flat]
    assert "In this ward" in results[0].reasons


def test_neighbouring_wards_from_boundaries():
    """Wards whose squares share an edge are neighbours."""

    def square(x):
        ring = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]
        return {"type": "Polygon", "coordinates": [ring]}

    a, b, c = (
        WardFactory(boundary=square(0)),
        WardFactory(boundary=square(1)),
        WardFactory(boundary=square(5)),
    )
    assert b.pk in selectors.ward_neighbours(a.pk)
    assert c.pk not in selectors.ward_neighbours(a.pk)


def test_resources_hook_is_empty_until_registered():
    """No resource finder exists yet; a registered one is asked."""
    need = NeedFactory()
    assert selectors.resources_for_need(need, need.created_by) == []

    def finder(need, asker):
        return ["a lendable gazebo"]

    selectors.register_resource_finder(finder)
    try:
        assert selectors.resources_for_need(need, need.created_by) == ["a lendable gazebo"]
    finally:
        selectors.RESOURCE_FINDERS.remove(finder)


def test_member_asker_is_not_an_organiser():
    """A second asker with no relation still does not see organisers-only skills."""
    need = NeedFactory(created_by=UserFactory())
    helper(visibility_skills="organisers")
    assert _names(need) == []
