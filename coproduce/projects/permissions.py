"""Who may manage a project (its owners, organisers of an owning group, and officers), who
may see one a moderator hid, and who may look for people for a need."""

from coproduce.groups.models import Membership

CHANGE_ANY_PROJECT = "projects.change_project"
MODERATE_PROJECTS = "projects.moderate_project"


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


def can_give_council_role(user) -> bool:
    """Whether this person may make someone a council owner: officers only."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(CHANGE_ANY_PROJECT)
    )


def can_moderate(user) -> bool:
    """Whether this person may hide projects and show them again."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(MODERATE_PROJECTS)
    )


def can_see(user, project) -> bool:
    """Whether this person may see the project. Anyone may, unless a moderator hid it: then
    only the people who manage it and those who may moderate projects."""
    return not project.is_hidden or can_manage(user, project) or can_moderate(user)


def can_manage_need(user, need) -> bool:
    """Who may look for people for a need, invite them and close it: whoever asked, or the
    people who manage its project."""
    if user is None or not user.is_authenticated:
        return False
    if user.pk == need.created_by_id:
        return True
    return need.project_id is not None and can_manage(user, need.project)


MANAGE_MEASURES = "projects.manage_measures"


def can_manage_measures(user) -> bool:
    """Whether this person may choose the outcome measures and download every project's
    outcomes: council officers."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(MANAGE_MEASURES)
    )


def can_see_document(user, document) -> bool:
    """A document is seen by whoever may see its project, unless it is for the project team
    only: then by the people who manage the project."""
    project = document.project
    if not can_see(user, project):
        return False
    return not document.team_only or can_manage(user, project)
