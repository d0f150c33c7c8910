"""Who may moderate what. Roles grant these in coproduce/accounts/roles.py (moderator)."""

MODERATE_COMMENTS = "accounts.moderate_content"
MODERATE_PROJECTS = "projects.moderate_project"


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_moderate_comments(user) -> bool:
    return _active(user) and user.has_perm(MODERATE_COMMENTS)


def can_moderate_projects(user) -> bool:
    return _active(user) and user.has_perm(MODERATE_PROJECTS)


def is_moderator(user) -> bool:
    return can_moderate_comments(user) or can_moderate_projects(user)
