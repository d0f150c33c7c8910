"""Who may see the time credits pages. The services check again before any write."""

from coproduce.gatherings import permissions as event_permissions
from coproduce.projects import permissions as project_permissions


def can_confirm_for_project(user, project) -> bool:
    return project_permissions.can_manage(user, project)


def can_confirm_for_event(user, event) -> bool:
    return event_permissions.can_manage(user, event)
