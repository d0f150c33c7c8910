"""Who may do what with shared things and funding. Roles give the council-wide permissions."""

from coproduce.groups.models import Membership

# Officers look after every item (to take down one that breaks the rules) and every round.
MANAGE_ANY_ITEM = "sharing.change_item"
ADD_OPPORTUNITY = "sharing.add_fundingopportunity"
CHANGE_OPPORTUNITY = "sharing.change_fundingopportunity"
SEE_ALL_APPLICATIONS = "sharing.view_fundingapplication"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def organises(user, organisation_id: int | None) -> bool:
    if not _signed_in(user) or organisation_id is None:
        return False
    return Membership.objects.filter(
        organisation_id=organisation_id, user=user, role=Membership.Role.ORGANISER
    ).exists()


def looks_after(user, item) -> bool:
    """The person who posted it and, for a group's item, the group's organisers."""
    if not _signed_in(user):
        return False
    return item.posted_by_id == user.pk or organises(user, item.organisation_id)


def can_change_item(user, item) -> bool:
    return looks_after(user, item) or (_signed_in(user) and user.has_perm(MANAGE_ANY_ITEM))


def can_add_opportunity(user) -> bool:
    return _signed_in(user) and user.has_perm(ADD_OPPORTUNITY)


def can_change_opportunity(user) -> bool:
    return _signed_in(user) and user.has_perm(CHANGE_OPPORTUNITY)


def can_change_application(user, application) -> bool:
    """Whoever recorded it, organisers of the group that applied, and officers."""
    if not _signed_in(user):
        return False
    return (
        application.recorded_by_id == user.pk
        or organises(user, application.organisation_id)
        or user.has_perm(SEE_ALL_APPLICATIONS)
    )
