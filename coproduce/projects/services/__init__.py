"""Every write to projects goes through here (split by subject; import from this package)."""

from .contributions import (
    contribution_decide,
    contribution_make,
    contribution_withdraw,
    resource_add,
    update_post,
    volunteer_role_add,
)
from .invitations import (
    owner_invitation_respond,
    owner_invitation_withdraw,
    owner_invitations_claim,
    project_owner_invite,
)
from .needs import (
    need_close,
    need_create,
    need_skills_merge,
    project_need_add,
    project_need_met,
)
from .projects import (
    owner_contact_consent,
    project_appreciate,
    project_appreciation_withdraw,
    project_change_status,
    project_follow,
    project_hidden_set,
    project_owner_add,
    project_owner_remove,
    project_set_parameters,
    project_share,
    project_take_ownership,
    project_unfollow,
    project_update_details,
)

__all__ = [
    "contribution_decide",
    "contribution_make",
    "contribution_withdraw",
    "need_close",
    "need_create",
    "need_skills_merge",
    "owner_contact_consent",
    "owner_invitation_respond",
    "owner_invitation_withdraw",
    "owner_invitations_claim",
    "project_appreciate",
    "project_appreciation_withdraw",
    "project_change_status",
    "project_follow",
    "project_hidden_set",
    "project_need_add",
    "project_need_met",
    "project_owner_add",
    "project_owner_invite",
    "project_owner_remove",
    "project_set_parameters",
    "project_share",
    "project_take_ownership",
    "project_unfollow",
    "project_update_details",
    "resource_add",
    "update_post",
    "volunteer_role_add",
]
