"""Every write to groups and memberships goes through here.

Each refusal raises a coproduce.common.errors.Refusal (one of the kinds below, or NotAllowed)
whose message can be shown to the person as it is; nothing is written when one is raised.
"""

from typing import Final

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.people.models import Profile
from coproduce.people.selectors import visible_profile
from coproduce.places.models import Place, Ward

from . import invitations, kinds, permissions
from .models import Membership, Organisation
from .verification import kind_apply, kind_set_by_import


class _Unchanged:
    """Marks an argument that was not given, so None can still mean "clear this"."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()


class GroupNotOpen(Refusal):
    pass


class AlreadyMember(Refusal):
    pass


class NotAMember(Refusal):
    pass


class LastOrganiser(Refusal):
    pass


SLUG_FALLBACK = "group"
# Slugs that would clash with the feature's own web addresses (/groups/new/).
RESERVED_SLUGS = frozenset({"new", "verify", "yours", "invitations"})
_SLUG_ATTEMPTS = 5


def unique_slug(name: str) -> str:
    """A web-address name for the group, made unique by adding -2, -3 and so on."""
    max_length = Organisation._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 8].strip("-") or SLUG_FALLBACK
    taken = RESERVED_SLUGS | set(
        Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


@transaction.atomic
def organisation_import(*, name: str, kind: str, source: str) -> Organisation:
    """List a group from a staff import (a service's provider), with nobody running it yet.

    Unlike organisation_create nobody is made an organiser: people join or are invited
    later, with their consent. The kind goes through verification like any other."""
    name = name.strip()
    if not name:
        raise ValueError("A group needs a name.")
    Organisation.Kind(kind)  # refuses unknown kinds with ValueError
    organisation = Organisation.objects.create(
        name=name, slug=unique_slug(name), kind=Organisation.Kind.COMMUNITY_GROUP
    )
    kind_set_by_import(organisation=organisation, kind=kind, source=source)
    return organisation


@transaction.atomic
def organisation_create(
    *,
    creator,
    name: str,
    kind: str,
    description: str = "",
    ward: Ward | None = None,
    base: Place | None = None,
    website: str = "",
    email: str = "",
    phone: str = "",
    is_listed: bool = True,
) -> Organisation:
    """Make a group with its creator as its first organiser.

    The slug comes from the name and is unique; two groups made at once with the same name
    still get different slugs (the loser of the race tries the next number). An official
    kind (council service, NHS, school) chosen by anyone but an officer makes a community
    group waiting for an officer's check (see verification.kind_apply).
    """
    if creator is None or not creator.is_authenticated or not creator.is_active:
        raise NotAllowed(_("Sign in to start a group."))
    name = name.strip()
    if not name:
        raise ValueError("A group needs a name.")
    Organisation.Kind(kind)  # refuses unknown kinds with ValueError
    for _attempt in range(_SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                organisation = Organisation.objects.create(
                    name=name,
                    slug=unique_slug(name),
                    kind=Organisation.Kind.COMMUNITY_GROUP,
                    description=description.strip(),
                    ward=ward,
                    base=base,
                    website=website.strip(),
                    email=email.strip(),
                    phone=phone.strip(),
                    is_listed=is_listed,
                )
            break
        except IntegrityError:
            continue
    else:
        raise IntegrityError(f"Could not find a free slug for {name!r}")
    kind_apply(organisation=organisation, kind=kind, by=creator)
    Membership.objects.create(
        organisation=organisation, user=creator, role=Membership.Role.ORGANISER
    )
    return organisation


UPDATABLE: frozenset[str] = frozenset(
    {"name", "kind", "description", "ward", "base", "website", "email", "phone", "is_listed"}
)


@transaction.atomic
def organisation_update(*, organisation: Organisation, by, **changes) -> Organisation:
    """Change the fields given (see UPDATABLE). Only its organisers and officers may.

    The slug stays as it is, so links to the group keep working after a rename. A change of
    kind goes through verification.kind_apply: an official kind waits for an officer.
    """
    if not permissions.can_change(by, organisation):
        raise NotAllowed(_("Only the group's organisers can change it."))
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"These fields cannot be changed: {', '.join(sorted(unknown))}")
    if "kind" in changes:
        Organisation.Kind(changes["kind"])
    if "name" in changes and not str(changes["name"]).strip():
        raise ValueError("A group needs a name.")
    if "kind" in changes:
        kind_apply(organisation=organisation, kind=changes.pop("kind"), by=by)
    for field, value in changes.items():
        setattr(organisation, field, value.strip() if isinstance(value, str) else value)
    if changes:
        organisation.save(update_fields=[*sorted(changes), "updated_at"])
    return organisation


@transaction.atomic
def membership_join(
    *, organisation: Organisation, user, shares_with_organisers: bool = False
) -> Membership:
    """Join a listed group as a member, and tell its organisers.

    `shares_with_organisers` is the person's own choice on the join form: whether the group's
    organisers may see the parts of their profile they share with organisers.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        raise NotAllowed(_("Sign in to join a group."))
    if not organisation.is_listed:
        raise GroupNotOpen(_("This group is not taking new members here."))
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise AlreadyMember(_("You are already a member of this group."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organisation=organisation,
                user=user,
                role=Membership.Role.MEMBER,
                shares_with_organisers=shares_with_organisers,
            )
    except IntegrityError:
        # The same person pressed join twice at once; the other request won.
        raise AlreadyMember(_("You are already a member of this group.")) from None
    _tell_organisers_about(membership)
    return membership


@transaction.atomic
def membership_sharing_set(
    *, organisation: Organisation, user, shares_with_organisers: bool
) -> Membership:
    """A member changes whether this group's organisers may see what they share with
    organisers. Only the member can; it takes effect at once."""
    membership = (
        Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
        if user is not None and user.is_authenticated
        else None
    )
    if membership is None:
        raise NotAMember(_("You are not a member of this group."))
    if membership.shares_with_organisers != shares_with_organisers:
        membership.shares_with_organisers = shares_with_organisers
        membership.save(update_fields=["shares_with_organisers", "updated_at"])
    return membership


def _tell_organisers_about(membership: Membership) -> None:
    organisation = membership.organisation
    organisers = [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation, role=Membership.Role.ORGANISER, user__is_active=True
        ).select_related("user")
    ]
    if not organisers:
        return
    profile = Profile.objects.select_related("user", "ward").filter(
        user=membership.user
    ).first() or Profile(user=membership.user)
    url = reverse("groups:members", args=[organisation.slug])
    for organiser in organisers:
        # The organiser sees the newcomer's name only if the newcomer lets organisers see it.
        seen = visible_profile(organiser, profile)
        if seen is not None and seen.name:
            title = _("%(name)s joined %(group)s") % {"name": seen.name, "group": organisation}
        else:
            title = _("Someone new joined %(group)s") % {"group": organisation}
        notify(recipient=organiser, kind=kinds.GROUP_JOINED.slug, title=title, url=url)


def _lock_organisers(organisation: Organisation) -> list[Membership]:
    # Locking every organiser row makes two organisers leaving at once take turns, so the
    # second sees the first has gone and the group is never left with none.
    return list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Membership.Role.ORGANISER)
        .order_by("pk")
    )


@transaction.atomic
def membership_leave(*, organisation: Organisation, user) -> None:
    """Leave a group. The last organiser must first make someone else an organiser."""
    organisers = _lock_organisers(organisation)
    membership = Membership.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        raise NotAMember(_("You are not a member of this group."))
    if membership.role == Membership.Role.ORGANISER and len(organisers) <= 1:
        raise LastOrganiser(
            _(
                "You are the only organiser, so you cannot leave yet. "
                "Make another member an organiser first."
            )
        )
    membership.delete()


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by) -> Membership:
    """Make an organiser a member, or ask a member to become an organiser.

    Organisers of the group may do this, and officers (so a group whose organisers have all
    closed their accounts can be given new ones). Nobody is made an organiser by someone
    else: they are asked, and only become one when they accept (see invitations.py). The
    last organiser cannot be made a member.
    """
    role = Membership.Role(role)
    organisation = membership.organisation
    if not permissions.can_change(by, organisation):
        raise NotAllowed(_("Only the group's organisers can change who organises it."))
    organisers = _lock_organisers(organisation)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return membership
    if role == Membership.Role.ORGANISER:
        invitations.organiser_invite_member(membership=membership, by=by)
        return membership
    if [m.pk for m in organisers] == [membership.pk]:
        raise LastOrganiser(
            _(
                "A group needs at least one organiser. "
                "Make another member an organiser before changing this one."
            )
        )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership
