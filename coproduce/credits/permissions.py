"""Who may see the time credits pages. The services check again before any write."""

from coproduce.gatherings import permissions as event_permissions
from coproduce.projects import permissions as project_permissions
from coproduce.shopping import permissions as shopping_permissions


def can_confirm_for_project(user, project) -> bool:
    return project_permissions.can_manage(user, project)


def can_confirm_for_event(user, event) -> bool:
    return event_permissions.can_manage(user, event)


def can_confirm_for_shopping_visit(user, visit) -> bool:
    """Officers who run mystery shopping, for a recorded visit in a programme that gives credits."""
    return visit.is_done and visit.programme.gives_credits and shopping_permissions.can_run(user)
