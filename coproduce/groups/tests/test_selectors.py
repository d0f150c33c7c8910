import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups import selectors, services
from coproduce.groups.models import Organisation
from coproduce.people.privacy import Relation
from coproduce.people.selectors import relation_between, visible_profile
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import WardFactory

from .factories import MembershipFactory, OrganisationFactory, OrganiserFactory

pytestmark = pytest.mark.django_db

SECRET_SKILL = "I keep the books for the allotment society"


def _names(organisations) -> list[str]:
    return [o.name for o in organisations]


# Listing ---------------------------------------------------------------------------------


def test_unlisted_groups_are_left_out():
    """Only groups shown to the public are listed."""
    OrganisationFactory(name="Open")
    OrganisationFactory(name="Hidden", is_listed=False)
    assert _names(selectors.listed_organisations()) == ["Open"]


def test_filter_by_kind_ward_and_words():
    """Kind, ward and words in the name or description each narrow the list."""
    ward = WardFactory()
    OrganisationFactory(name="Canal Friends", ward=ward)
    OrganisationFactory(name="Health Centre", kind=Organisation.Kind.NHS, ward=ward)
    OrganisationFactory(name="Choir", description="We sing by the CANAL.")
    assert _names(selectors.listed_organisations(kind="nhs")) == ["Health Centre"]
    assert _names(selectors.listed_organisations(ward=ward)) == ["Canal Friends", "Health Centre"]
    assert _names(selectors.listed_organisations(q=" canal ")) == ["Canal Friends", "Choir"]
    assert _names(selectors.listed_organisations(q="canal", ward=ward)) == ["Canal Friends"]


def test_member_counts_come_in_the_same_query():
    """Each group's count of active members is read in one query for the whole list."""
    for size in (1, 3):
        organisation = OrganisationFactory()
        MembershipFactory.create_batch(size, organisation=organisation)
    MembershipFactory(organisation=organisation, user=UserFactory(is_active=False))
    OrganisationFactory()
    with CaptureQueriesContext(connection) as queries:
        counts = [(o.member_count, o.ward.name) for o in selectors.listed_organisations()]
    assert len(queries) == 1
    assert sorted(c for c, _ward in counts) == [0, 1, 3]


def test_is_organiser():
    """Only organisers of this group are its organisers."""
    organiser = OrganiserFactory()
    member = MembershipFactory(organisation=organiser.organisation)
    other = OrganiserFactory()
    assert selectors.is_organiser(organiser.user, organiser.organisation)
    assert not selectors.is_organiser(member.user, organiser.organisation)
    assert not selectors.is_organiser(other.user, organiser.organisation)
    assert not selectors.is_organiser(None, organiser.organisation)


# The organiser relation ------------------------------------------------------------------


def _member_sharing_with_organisers(organisation: Organisation, *, consents: bool = True):
    profile = ProfileFactory(what_i_can_do=SECRET_SKILL, visibility_skills="organisers")
    MembershipFactory(organisation=organisation, user=profile.user, shares_with_organisers=consents)
    return profile


def test_organisers_see_what_members_share_with_organisers():
    """An organiser of a group a person joined sees the parts shared with organisers."""
    organiser = OrganiserFactory()
    profile = _member_sharing_with_organisers(organiser.organisation)
    seen = visible_profile(organiser.user, profile)
    assert seen.relation == Relation.ORGANISER
    assert seen.what_i_can_do == SECRET_SKILL


def test_organisers_see_nothing_more_of_a_member_who_did_not_say_yes():
    """Joining without ticking the box opens nothing to the group's organisers."""
    organiser = OrganiserFactory()
    profile = _member_sharing_with_organisers(organiser.organisation, consents=False)
    seen = visible_profile(organiser.user, profile)
    assert seen.relation == Relation.MEMBER
    assert seen.what_i_can_do is None


def test_a_self_declared_nhs_group_is_a_community_group_and_grants_nothing():
    """A resident's 'NHS' group is listed as a community group; joiners stay closed to it."""
    creator = UserFactory()
    organisation = services.organisation_create(
        creator=creator, name="Hazel Health Team", kind=Organisation.Kind.NHS
    )
    profile = ProfileFactory(access_needs="Step-free access", visibility_access_needs="organisers")
    services.membership_join(organisation=organisation, user=profile.user)
    assert organisation.kind == Organisation.Kind.COMMUNITY_GROUP
    assert not selectors.is_verified_official(organisation)
    assert list(selectors.listed_organisations(kind=Organisation.Kind.NHS)) == []
    assert relation_between(creator, profile.user) == Relation.MEMBER
    assert visible_profile(creator, profile).access_needs is None


def test_fellow_members_do_not_see_organiser_parts():
    """Another plain member of the same group is not an organiser to them."""
    member = MembershipFactory()
    profile = _member_sharing_with_organisers(member.organisation)
    assert visible_profile(member.user, profile).what_i_can_do is None


def test_organisers_of_other_groups_do_not_see_organiser_parts():
    """Organising one group opens nothing about members of another."""
    profile = _member_sharing_with_organisers(OrganisationFactory())
    elsewhere = OrganiserFactory()
    MembershipFactory(organisation=elsewhere.organisation, user=UserFactory())
    assert visible_profile(elsewhere.user, profile).what_i_can_do is None


def test_a_member_who_organises_elsewhere_does_not_open_the_relation():
    """Being a member here and an organiser elsewhere is not organising this person's group."""
    organisation = OrganisationFactory()
    profile = _member_sharing_with_organisers(organisation)
    viewer = MembershipFactory(organisation=organisation).user
    OrganiserFactory(user=viewer)
    assert relation_between(viewer, profile.user) == Relation.MEMBER


# Members as a viewer may see them --------------------------------------------------------


@pytest.fixture
def group_of_four():
    """A group whose members show their names to anyone, members, organisers and only me."""
    # Names are fixed so that a random clash cannot make one person look like another.
    organiser = OrganiserFactory(
        user=ProfileFactory(visibility_identity="members", user__display_name="Olu").user
    )
    people = {}
    for level in ["public", "members", "organisers", "only_me"]:
        profile = ProfileFactory(visibility_identity=level, user__display_name=f"Named {level}")
        MembershipFactory(
            organisation=organiser.organisation, user=profile.user, shares_with_organisers=True
        )
        people[level] = profile
    return organiser, people


def _seen(viewer, organisation) -> set[str]:
    return {m.name for m in selectors.members_visible_to(viewer, organisation).named}


def test_visitors_see_only_public_names(group_of_four):
    """Someone not signed in sees the names made public, and the rest only as a count."""
    organiser, people = group_of_four
    members = selectors.members_visible_to(None, organiser.organisation)
    assert {m.name for m in members.named} == {people["public"].user.display_name}
    assert members.hidden_count == 4


def test_signed_in_people_see_names_shared_with_members(group_of_four):
    """Anyone signed in sees public and members-only names; others are counted."""
    organiser, people = group_of_four
    members = selectors.members_visible_to(UserFactory(), organiser.organisation)
    expected = {organiser.user, people["public"].user, people["members"].user}
    assert {m.name for m in members.named} == {u.display_name for u in expected}
    assert members.hidden_count == 2


def test_organisers_see_names_shared_with_organisers(group_of_four):
    """The group's organiser sees every name except one kept to the person alone."""
    organiser, people = group_of_four
    members = selectors.members_visible_to(organiser.user, organiser.organisation)
    assert people["organisers"].user.display_name in {m.name for m in members.named}
    assert people["only_me"].user.display_name not in {m.name for m in members.named}
    assert members.hidden_count == 1


def test_people_always_see_their_own_name(group_of_four):
    """A member who keeps their name to themselves still sees it in the list."""
    organiser, people = group_of_four
    me = people["only_me"].user
    assert me.display_name in _seen(me, organiser.organisation)


def test_member_list_agrees_with_visible_profile(group_of_four):
    """For every viewer and member, a name is shown exactly when visible_profile shows it."""
    organiser, people = group_of_four
    organisation = organiser.organisation
    organiser_elsewhere = OrganiserFactory(user=people["only_me"].user).organisation
    MembershipFactory(organisation=organiser_elsewhere, user=people["organisers"].user)
    viewers = [None, UserFactory(), organiser.user, *(p.user for p in people.values())]
    profiles = {p.user.pk: p for p in people.values()}
    profiles[organiser.user.pk] = organiser.user.profile
    for viewer in viewers:
        shown = {
            m.membership_id: m.name
            for m in selectors.members_visible_to(viewer, organisation).members
        }
        for membership in organisation.memberships.select_related("user"):
            expected = visible_profile(viewer, profiles[membership.user_id])
            assert shown[membership.pk] == (expected.name if expected else None)


def test_members_without_a_profile_follow_the_defaults():
    """A member with no profile yet is named to people signed in, as the defaults say."""
    membership = MembershipFactory()
    assert _seen(UserFactory(), membership.organisation) == {membership.user.display_name}
    assert _seen(None, membership.organisation) == set()


def test_closed_accounts_are_not_listed():
    """Members whose accounts are closed are neither named nor counted."""
    membership = MembershipFactory(user=UserFactory(is_active=False))
    members = selectors.members_visible_to(UserFactory(), membership.organisation)
    assert members.members == []


def test_member_list_takes_few_queries(group_of_four, django_assert_max_num_queries):
    """Listing members does not take one query per member for ordinary viewers."""
    organiser, _people = group_of_four
    MembershipFactory.create_batch(20, organisation=organiser.organisation)
    viewer = UserFactory()
    # One for the members, one per registered check for the single "organisers" name.
    with django_assert_max_num_queries(4):
        selectors.members_visible_to(viewer, organiser.organisation)
