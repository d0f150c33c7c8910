"""Every write to discussion and moderation goes through here (telling people of a new
comment is queued to tasks.comment_notify).

Each moderation service checks the moderator's permission, changes the item, resolves the
open reports about it, writes the ModerationAction and tells the author, in one transaction.
A project's hidden flag itself is written by projects.services.project_hidden_set.
"""

from .comments import (
    change_refusal,
    comment_delete,
    comment_edit,
    comment_post,
    comment_refusal,
    thread_url,
)
from .moderation import (
    comment_hide,
    comment_restore,
    project_hide,
    project_restore,
    report_dismiss,
    report_make,
    thing_hide,
    thing_restore,
    waiting_decide,
)

__all__ = [
    "change_refusal",
    "comment_delete",
    "comment_edit",
    "comment_hide",
    "comment_post",
    "comment_refusal",
    "comment_restore",
    "project_hide",
    "project_restore",
    "report_dismiss",
    "report_make",
    "thing_hide",
    "thing_restore",
    "thread_url",
    "waiting_decide",
]
