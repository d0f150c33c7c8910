"""Who may manage a project: its owners, organisers of an owning group, and officers."""

from coproduce.groups.models import Membership

CHANGE_ANY_PROJECT = "projects.change_project"


def can_manage(user, project) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(CHANGE_ANY_PROJECT):
        return True
    owners = project.owners.all()
    if any(owner.user_id == user.pk for owner in owners):
        return True
    groups = [owner.organisation_id for owner in owners if owner.organisation_id]
    return (
        bool(groups)
        and Membership.objects.filter(
            organisation_id__in=groups, user=user, role=Membership.Role.ORGANISER
        ).exists()
    )
