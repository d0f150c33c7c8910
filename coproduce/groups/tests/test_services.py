import pytest

from coproduce.accounts.roles import ROLE_PERMISSIONS, Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.groups import invitations, permissions, services
from coproduce.groups.models import Membership, Organisation, OrganiserInvitation
from coproduce.notifications import kinds as notification_kinds
from coproduce.notifications.models import Notification
from coproduce.people.tests.factories import ProfileFactory

from .factories import MembershipFactory, OrganisationFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


def _create(creator=None, **overrides) -> Organisation:
    fields = {"name": "Friends of Hazel Park", "kind": Organisation.Kind.COMMUNITY_GROUP}
    return services.organisation_create(creator=creator or UserFactory(), **(fields | overrides))


# Creating --------------------------------------------------------------------------------


def test_creator_becomes_the_first_organiser():
    """Whoever starts a group is its organiser."""
    creator = UserFactory()
    organisation = _create(creator)
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user == creator
    assert membership.role == Membership.Role.ORGANISER


def test_slugs_are_unique_and_made_from_the_name():
    """A second group with the same name gets the next free number."""
    assert _create().slug == "friends-of-hazel-park"
    assert _create().slug == "friends-of-hazel-park-2"
    assert _create().slug == "friends-of-hazel-park-3"


def test_a_name_with_no_letters_still_gets_a_slug():
    """Names slugify cannot use fall back to 'group'."""
    assert _create(name="!!!").slug == "group"


def test_slug_never_clashes_with_the_add_page():
    """A group called 'New' does not take the address of the 'add a group' page."""
    assert _create(name="New").slug == "new-2"


def test_unknown_kind_is_refused_and_nothing_is_written():
    """A kind not in the list raises ValueError and leaves no group behind."""
    with pytest.raises(ValueError):
        _create(kind="secret_society")
    assert not Organisation.objects.exists()


# Changing --------------------------------------------------------------------------------


def test_organisers_change_their_group():
    """An organiser can change the group's details."""
    organiser = OrganiserFactory()
    services.organisation_update(
        organisation=organiser.organisation, by=organiser.user, name="  Canal Friends  "
    )
    organiser.organisation.refresh_from_db()
    assert organiser.organisation.name == "Canal Friends"


def test_renaming_keeps_the_slug():
    """Links to a group keep working after it is renamed."""
    organiser = OrganiserFactory()
    slug = organiser.organisation.slug
    services.organisation_update(
        organisation=organiser.organisation, by=organiser.user, name="Another name"
    )
    organiser.organisation.refresh_from_db()
    assert organiser.organisation.slug == slug


@pytest.mark.parametrize("who", ["member", "stranger", "organiser_role"])
def test_others_cannot_change_a_group(who):
    """Members, strangers and people with the organiser role elsewhere are refused."""
    organisation = OrganisationFactory(name="Old name")
    if who == "member":
        user = MembershipFactory(organisation=organisation).user
    elif who == "stranger":
        user = UserFactory()
    else:
        user = UserFactory(roles=[Role.ORGANISER])
    with pytest.raises(NotAllowed, match="Only the group's organisers"):
        services.organisation_update(organisation=organisation, by=user, name="New name")
    organisation.refresh_from_db()
    assert organisation.name == "Old name"


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMINISTRATOR])
def test_officers_and_administrators_change_any_group(role):
    """Council officers and administrators may change a group they are not in."""
    organisation = OrganisationFactory()
    services.organisation_update(
        organisation=organisation, by=UserFactory(roles=[role]), is_listed=False
    )
    organisation.refresh_from_db()
    assert organisation.is_listed is False


def test_officer_role_holds_the_group_permission():
    """roles.py gives officers the permission that lets them look after every group."""
    assert permissions.MANAGE_ANY_GROUP in ROLE_PERMISSIONS[Role.OFFICER]


def test_unknown_fields_cannot_be_changed():
    """The slug and other fields outside the list are refused."""
    organiser = OrganiserFactory()
    with pytest.raises(ValueError, match="slug"):
        services.organisation_update(
            organisation=organiser.organisation, by=organiser.user, slug="taken"
        )


# Joining ---------------------------------------------------------------------------------


def test_joining_makes_a_member_and_tells_the_organisers():
    """A person who joins is a member, and each organiser gets a notification."""
    organisers = OrganiserFactory.create_batch(2)
    organisation = organisers[0].organisation
    OrganiserFactory(organisation=organisation)
    joiner = ProfileFactory(visibility_identity="members").user
    membership = services.membership_join(organisation=organisation, user=joiner)
    assert membership.role == Membership.Role.MEMBER
    notes = Notification.objects.filter(kind="group_joined")
    assert notes.count() == 2
    assert all(joiner.display_name in n.title for n in notes)
    assert all(n.url == f"/groups/{organisation.slug}/members/" for n in notes)


def test_join_notification_hides_a_name_kept_private():
    """Someone who shows their name to nobody is not named in the organisers' notification."""
    organiser = OrganiserFactory()
    joiner = ProfileFactory(visibility_identity="only_me").user
    services.membership_join(organisation=organiser.organisation, user=joiner)
    note = Notification.objects.get(recipient=organiser.user)
    assert joiner.display_name not in note.title
    assert note.title.startswith("Someone new joined")


def test_join_kind_is_registered():
    """The notification kind for joining is on the preferences list."""
    assert notification_kinds.get("group_joined").slug == "group_joined"


def test_joining_twice_is_refused():
    """A member cannot join again."""
    membership = MembershipFactory()
    with pytest.raises(services.AlreadyMember):
        services.membership_join(organisation=membership.organisation, user=membership.user)


def test_unlisted_groups_cannot_be_joined():
    """Only listed groups take members through the service."""
    organisation = OrganisationFactory(is_listed=False)
    with pytest.raises(services.GroupNotOpen):
        services.membership_join(organisation=organisation, user=UserFactory())
    assert not organisation.memberships.exists()


def test_closed_accounts_cannot_join():
    """An account that is no longer active cannot join."""
    organisation = OrganisationFactory()
    with pytest.raises(NotAllowed):
        services.membership_join(organisation=organisation, user=UserFactory(is_active=False))


# Leaving ---------------------------------------------------------------------------------


def test_members_can_leave():
    """A member who leaves is no longer a member."""
    membership = MembershipFactory()
    services.membership_leave(organisation=membership.organisation, user=membership.user)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_organiser_cannot_leave():
    """The only organiser is told to appoint another first, and stays."""
    organiser = OrganiserFactory()
    MembershipFactory(organisation=organiser.organisation)
    with pytest.raises(services.LastOrganiser, match="only organiser"):
        services.membership_leave(organisation=organiser.organisation, user=organiser.user)
    assert Membership.objects.filter(pk=organiser.pk).exists()


def test_an_organiser_can_leave_when_another_remains():
    """With two organisers, one may leave."""
    first = OrganiserFactory()
    OrganiserFactory(organisation=first.organisation)
    services.membership_leave(organisation=first.organisation, user=first.user)
    assert first.organisation.memberships.count() == 1


def test_leaving_a_group_you_are_not_in_is_refused():
    """A stranger cannot leave a group."""
    with pytest.raises(services.NotAMember):
        services.membership_leave(organisation=OrganisationFactory(), user=UserFactory())


# Roles -----------------------------------------------------------------------------------


def test_organisers_ask_a_member_to_organise_rather_than_promote_them():
    """An organiser's 'make an organiser' asks the member; the role waits for their yes."""
    organiser = OrganiserFactory()
    member = MembershipFactory(organisation=organiser.organisation)
    services.membership_set_role(
        membership=member, role=Membership.Role.ORGANISER, by=organiser.user
    )
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER
    assert OrganiserInvitation.objects.get(invitee=member.user).status == "pending"


def test_the_last_organiser_cannot_be_made_a_member():
    """Demoting the only organiser is refused, so no group is left without one."""
    organiser = OrganiserFactory()
    with pytest.raises(services.LastOrganiser):
        services.membership_set_role(
            membership=organiser, role=Membership.Role.MEMBER, by=organiser.user
        )
    organiser.refresh_from_db()
    assert organiser.role == Membership.Role.ORGANISER


def test_an_organiser_can_step_down_when_another_remains():
    """With two organisers, one can become a member."""
    first = OrganiserFactory()
    OrganiserFactory(organisation=first.organisation)
    services.membership_set_role(membership=first, role=Membership.Role.MEMBER, by=first.user)
    first.refresh_from_db()
    assert first.role == Membership.Role.MEMBER


def test_members_cannot_promote_themselves():
    """A member cannot make themselves an organiser."""
    member = MembershipFactory()
    with pytest.raises(NotAllowed):
        services.membership_set_role(
            membership=member, role=Membership.Role.ORGANISER, by=member.user
        )
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER


def test_officers_can_ask_a_member_to_organise_a_group_without_organisers():
    """An officer can give a group that lost its organisers a new one, once they accept."""
    member = MembershipFactory()
    services.membership_set_role(
        membership=member, role=Membership.Role.ORGANISER, by=UserFactory(roles=[Role.OFFICER])
    )
    invitation = OrganiserInvitation.objects.get(invitee=member.user)
    invitations.organiser_invitation_accept(invitation=invitation, user=member.user)
    member.refresh_from_db()
    assert member.role == Membership.Role.ORGANISER


def test_unknown_roles_are_refused():
    """Only 'member' and 'organiser' exist."""
    organiser = OrganiserFactory()
    with pytest.raises(ValueError):
        services.membership_set_role(membership=organiser, role="owner", by=organiser.user)
