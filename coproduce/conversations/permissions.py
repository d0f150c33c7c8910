"""Who may do what with conversations.

Anyone may read an open or closed conversation and its results. Taking part needs an account
or a signed link. Officers open and run any conversation (MANAGE_ANY, granted in
accounts/roles.py); organisers open them for the projects and series they run, and the
organisers of a group that runs one manage it too. Moderators decide on waiting statements.
"""

from coproduce.discussion.permissions import can_moderate_comments
from coproduce.gatherings.permissions import can_manage_series
from coproduce.groups.models import Membership
from coproduce.projects.permissions import can_manage as can_manage_project

MANAGE_ANY = "conversations.manage_any_conversation"
RUN_GROUPS = "accounts.run_group_or_project"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_officer(user) -> bool:
    return _signed_in(user) and user.has_perm(MANAGE_ANY)


def can_open_any(user) -> bool:
    """Whether this person may open a conversation at all (for something)."""
    return _signed_in(user) and (user.has_perm(MANAGE_ANY) or user.has_perm(RUN_GROUPS))


def organises_group(user, group_id: int | None) -> bool:
    return (
        group_id is not None
        and _signed_in(user)
        and Membership.objects.filter(
            organisation_id=group_id, user=user, role=Membership.Role.ORGANISER
        ).exists()
    )


def can_open_for(user, *, scope: str, project=None, series=None) -> bool:
    """Officers open conversations for anything; organisers for a project or series they run."""
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY):
        return True
    if not user.has_perm(RUN_GROUPS):
        return False
    if scope == "project" and project is not None:
        return can_manage_project(user, project)
    if scope == "series" and series is not None:
        return can_manage_series(user, series)
    return False


def can_manage(user, conversation) -> bool:
    """Who runs it: whoever opened it, officers, and those who run what it is for."""
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY) or conversation.opened_by_id == user.pk:
        return True
    if conversation.project_id is not None and can_manage_project(user, conversation.project):
        return True
    if conversation.series_id is not None and can_manage_series(user, conversation.series):
        return True
    return organises_group(user, conversation.group_id)


def can_see(user, conversation) -> bool:
    """Open and closed conversations are public; one being set up only to who runs it."""
    if conversation.status != conversation.Status.DRAFT:
        return True
    return can_manage(user, conversation)


def can_moderate(user) -> bool:
    return can_moderate_comments(user)
