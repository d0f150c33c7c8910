"""Who may do what with bookable spaces. Roles give the council-wide permissions."""

from coproduce.groups.models import Membership

from .models import BookableSpace, Booking

# Officers look after every space: approve, decline and cancel any booking.
MANAGE_ANY_SPACE = "bookings.manage_any_space"
# Officers see how much of each building's available time is used.
SEE_UTILISATION = "bookings.see_utilisation"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def manages_any_space(user) -> bool:
    return _signed_in(user) and user.has_perm(MANAGE_ANY_SPACE)


def can_manage(user, space: BookableSpace) -> bool:
    """The space's manager, organisers of the group that manages it, and officers."""
    if not _signed_in(user):
        return False
    if space.manager_id == user.pk or manages_any_space(user):
        return True
    return (
        space.managing_group_id is not None
        and Membership.objects.filter(
            organisation_id=space.managing_group_id,
            user=user,
            role=Membership.Role.ORGANISER,
        ).exists()
    )


def can_cancel(user, booking: Booking) -> bool:
    """The person who asked for it, and whoever manages the space."""
    if not _signed_in(user):
        return False
    return booking.requested_by_id == user.pk or can_manage(user, booking.room.space)


def sees_all_utilisation(user) -> bool:
    return _signed_in(user) and user.has_perm(SEE_UTILISATION)
