"""Who may look for people for a need: whoever asked, or the owners of its project."""

from coproduce.projects.permissions import can_manage


def may_ask(user, need) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.pk == need.created_by_id:
        return True
    return need.project_id is not None and can_manage(user, need.project)
