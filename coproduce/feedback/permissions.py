"""Who may see and answer the feedback on a service."""

from coproduce.directory.models import Service
from coproduce.groups.models import Membership
from coproduce.groups.permissions import role_in

#: Officers look after the feedback on every service.
MANAGE_ANY_FEEDBACK = "feedback.manage_any_feedback"


def manages_any_feedback(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(MANAGE_ANY_FEEDBACK))


def may_manage_feedback(user, service: Service) -> bool:
    """The service's owner: an officer with the permission, or an organiser of the
    organisation that runs the service (as groups decide who runs an organisation)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if manages_any_feedback(user):
        return True
    return is_organiser(user, service)


def is_organiser(user, service: Service) -> bool:
    """An organiser of the organisation that runs the service."""
    return role_in(user, service.organisation) == Membership.Role.ORGANISER
