"""Reads of groups and their members. Members' names only as the people privacy rules allow."""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from coproduce.people.models import Profile
from coproduce.people.privacy import Relation, Visibility, visible_parts
from coproduce.people.selectors import relation_between

from .models import OFFICIAL_KINDS, KindRequest, Membership, Organisation, OrganiserInvitation


def listed_organisations(*, kind: str = "", ward=None, q: str = "") -> QuerySet[Organisation]:
    """Listed groups by name, each with `member_count` (active accounts), in one query.

    The count is a subquery per row, not a join and GROUP BY: a page then counts the members
    of its twenty groups only, and the paginator's COUNT(*) leaves it out altogether.
    """
    active_members = (
        Membership.objects.filter(organisation=OuterRef("pk"), user__is_active=True)
        .order_by()
        .values("organisation")
        .annotate(n=Count("*"))
        .values("n")
    )
    organisations = (
        Organisation.objects.filter(is_listed=True)
        .select_related("ward")
        .annotate(member_count=Coalesce(Subquery(active_members), 0))
        .order_by("name", "pk")
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    if ward is not None:
        organisations = organisations.filter(ward=ward)
    q = q.strip()
    if q:
        organisations = organisations.filter(Q(name__icontains=q) | Q(description__icontains=q))
    return organisations


def organisation_detail(slug: str) -> Organisation | None:
    """One group, listed or not (the view decides who may see it), with `member_count`."""
    return (
        Organisation.objects.select_related("ward", "base")
        .annotate(member_count=Count("memberships", filter=Q(memberships__user__is_active=True)))
        .filter(slug=slug)
        .first()
    )


def is_verified_official(organisation: Organisation) -> bool:
    """Whether the group is a council service, NHS or school that an officer has checked.

    Only officers (or a staff import) can give a group an official kind, so the kind alone
    answers; a group still waiting for its check is a community group until then.
    """
    return organisation.kind in OFFICIAL_KINDS


def is_verified_council(organisation: Organisation) -> bool:
    """Whether the group is a council service an officer has checked."""
    return organisation.kind == Organisation.Kind.COUNCIL_SERVICE


def pending_kind_request(organisation: Organisation) -> KindRequest | None:
    """The official kind this group has asked for and is waiting to have checked, if any."""
    return KindRequest.objects.filter(
        organisation=organisation, status=KindRequest.Status.PENDING
    ).first()


def kind_requests_waiting() -> QuerySet[KindRequest]:
    """The officers' queue: requests still to check, oldest first, with group and asker."""
    return (
        KindRequest.objects.filter(status=KindRequest.Status.PENDING)
        .select_related("organisation", "organisation__ward", "asked_by")
        .order_by("created_at", "pk")
    )


def memberships_of(user) -> QuerySet[Membership]:
    """The groups a person is in, by name, with each group's ward."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__ward")
        .order_by("organisation__name", "pk")
    )


def organiser_invitations_for(user) -> QuerySet[OrganiserInvitation]:
    """Invitations to help organise a group, sent to this person, newest first."""
    if user is None or not user.is_authenticated:
        return OrganiserInvitation.objects.none()
    return (
        OrganiserInvitation.objects.filter(invitee=user)
        .select_related("organisation")
        .order_by("-created_at", "-pk")
    )


def is_organiser(user, organisation: Organisation) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        organisation=organisation, user=user, role=Membership.Role.ORGANISER
    ).exists()


def organises_a_group_of(viewer, person) -> bool:
    """Whether `viewer` organises a group that `person` is a member of and chose to share with.

    Registered with people.selectors as an organiser check: it opens the parts of a profile
    that a person shares with "organisers of projects and groups I join", but only for the
    groups where the person said yes when joining (or later, from their groups page).
    """
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    # Both conditions in one filter(): the same membership row must be the viewer's and an
    # organiser's, not any two rows of the group.
    return Membership.objects.filter(
        user=person,
        shares_with_organisers=True,
        organisation__memberships__user=viewer,
        organisation__memberships__role=Membership.Role.ORGANISER,
    ).exists()


def organised_members_among(viewer, user_ids: Collection[int]) -> set[int]:
    """Which of `user_ids` `organises_a_group_of` is true for, in one query."""
    return set(
        Membership.objects.filter(
            user_id__in=user_ids,
            shares_with_organisers=True,
            organisation__memberships__user=viewer,
            organisation__memberships__role=Membership.Role.ORGANISER,
        ).values_list("user_id", flat=True)
    )


@dataclass(frozen=True)
class VisibleMember:
    """One member as a viewer may see them. `name` is None when their identity is hidden."""

    membership_id: int
    role: str
    name: str | None
    profile_id: int | None

    @property
    def is_organiser(self) -> bool:
        return self.role == Membership.Role.ORGANISER


@dataclass(frozen=True)
class MemberList:
    members: list[VisibleMember]

    @property
    def named(self) -> list[VisibleMember]:
        return [m for m in self.members if m.name is not None]

    @property
    def hidden_count(self) -> int:
        return sum(1 for m in self.members if m.name is None)


def members_visible_to(viewer, organisation: Organisation) -> MemberList:
    """Every active member, organisers first, named only if the viewer may see who they are.

    Same answer as people.selectors.visible_profile, in a fixed number of queries: a relation
    is only worked out (one query per registered check) for a member whose name is shared
    with organisers alone, since only there can it change the answer. A viewer who organises
    this group is an organiser to the members who chose to share with its organisers.
    """
    memberships = list(
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .select_related("user", "user__profile")
        .order_by("-role", "user__display_name", "pk")  # "organiser" sorts after "member"
    )
    signed_in = viewer is not None and viewer.is_authenticated
    viewer_organises = signed_in and any(
        m.user_id == viewer.pk and m.role == Membership.Role.ORGANISER for m in memberships
    )
    members = []
    for membership in memberships:
        profile = _profile_of(membership.user)
        relation = _relation(
            viewer,
            membership.user,
            profile,
            signed_in,
            viewer_organises and membership.shares_with_organisers,
        )
        parts = visible_parts(profile.visibilities(), relation)
        members.append(
            VisibleMember(
                membership_id=membership.pk,
                role=membership.role,
                name=(str(membership.user.display_name or "") or None)
                if "identity" in parts
                else None,
                profile_id=profile.pk if "identity" in parts else None,
            )
        )
    return MemberList(members=members)


def _profile_of(user) -> Profile:
    try:
        return user.profile
    except Profile.DoesNotExist:
        # No profile yet: the defaults apply, as they would on the day they make one.
        return Profile(user=user)


def _relation(viewer, person, profile: Profile, signed_in: bool, viewer_organises: bool):
    if not signed_in:
        return Relation.VISITOR
    if viewer.pk == person.pk:
        return Relation.SELF
    if viewer_organises:
        return Relation.ORGANISER
    if profile.visibility_identity == Visibility.ORGANISERS:
        return relation_between(viewer, person)
    return Relation.MEMBER
