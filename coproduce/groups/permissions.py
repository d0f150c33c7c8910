"""Who may do what to groups. Roles give the council-wide permission; the rest is membership."""

from .models import Membership, Organisation

# Officers and administrators look after every group: they may change any group, see
# unlisted ones, and appoint organisers to a group that has lost its own.
MANAGE_ANY_GROUP = "groups.change_organisation"


def manages_any_group(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(MANAGE_ANY_GROUP))


def role_in(user, organisation: Organisation) -> str | None:
    """The person's role in the group, or None if they are not a member."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(organisation=organisation, user=user)
        .values_list("role", flat=True)
        .first()
    )


def can_change(user, organisation: Organisation, *, role: str | None = None) -> bool:
    """Organisers of this group, and officers. `role` saves a query when already known."""
    if role is None:
        role = role_in(user, organisation)
    return role == Membership.Role.ORGANISER or manages_any_group(user)


def can_see(user, organisation: Organisation, *, role: str | None = None) -> bool:
    """Listed groups are public; unlisted ones only to their members and officers."""
    if organisation.is_listed:
        return True
    if role is None:
        role = role_in(user, organisation)
    return role is not None or manages_any_group(user)
