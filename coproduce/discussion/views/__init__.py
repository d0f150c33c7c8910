"""Thin views: parse, authorise, call one service or selector, render or redirect."""

from .moderating import (
    comment_hide,
    comment_restore,
    log,
    project_hide,
    project_restore,
    queue,
    report_dismiss,
    thing_hide,
    thing_restore,
    waiting_decide,
)
from .writing import (
    comment,
    comment_delete,
    comment_edit,
    reply,
    report_comment,
    report_project,
    report_thing,
)

__all__ = [
    "comment",
    "comment_delete",
    "comment_edit",
    "comment_hide",
    "comment_restore",
    "log",
    "project_hide",
    "project_restore",
    "queue",
    "reply",
    "report_comment",
    "report_dismiss",
    "report_project",
    "report_thing",
    "thing_hide",
    "thing_restore",
    "waiting_decide",
]
