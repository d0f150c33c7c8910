"""Who may moderate what. Roles grant these in coproduce/accounts/roles.py (moderator).

Moderating projects (hiding them, and seeing hidden ones) is the projects app's permission:
coproduce.projects.permissions.can_moderate."""

from coproduce.projects.permissions import can_moderate as can_moderate_projects

MODERATE_COMMENTS = "accounts.moderate_content"


def can_moderate_comments(user) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(MODERATE_COMMENTS)
    )


def is_moderator(user) -> bool:
    """Whether this person moderates anything: comments, projects or both."""
    return can_moderate_comments(user) or can_moderate_projects(user)
