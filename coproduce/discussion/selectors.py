"""Reads for discussion and moderation: a project's thread a page at a time, and the queue."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from coproduce.projects.models import Project

from . import waiting
from .models import Comment, ModerationAction, Report

THREAD_PAGE = 50


@dataclass(frozen=True)
class Thread:
    comments: list[Comment]  # top-level, newest first, each with .replies prefetched
    older_than: int | None  # pk to ask for the next (older) page, or None at the end
    is_first_page: bool


def thread_for_project(project: Project, *, before: int | None = None) -> Thread:
    """Newest THREAD_PAGE top-level comments (older than `before`) with all their replies.

    Two queries whatever the number of comments: the page (one row more than shown, to
    know whether there are older ones) and the replies to it, each with its author.
    """
    top = (
        Comment.objects.filter(project=project, parent__isnull=True)
        .select_related("author__profile")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=Comment.objects.select_related("author__profile").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .order_by("-pk")
    )
    if before is not None:
        top = top.filter(pk__lt=before)
    rows = list(top[: THREAD_PAGE + 1])
    more = len(rows) > THREAD_PAGE
    rows = rows[:THREAD_PAGE]
    return Thread(
        comments=rows,
        older_than=rows[-1].pk if more else None,
        is_first_page=before is None,
    )


def open_reports() -> QuerySet[Report]:
    """Open reports, oldest first, with the reported comment or project and who reported."""
    return (
        Report.objects.filter(status=Report.Status.OPEN)
        .select_related(
            "reporter__profile", "comment__author__profile", "comment__project", "project"
        )
        .order_by("created_at", "pk")
    )


def moderation_log() -> QuerySet[ModerationAction]:
    return ModerationAction.objects.select_related("moderator__profile").order_by(
        "-created_at", "-pk"
    )


@dataclass(frozen=True)
class WaitingList:
    label: object  # what one item of this kind is called
    count: int
    items: list[waiting.Waiting]  # oldest first


def waiting_for(moderator, *, limit: int) -> list[WaitingList]:
    """What waits for a yes or no, of each kind this moderator may decide on, oldest first."""
    found = []
    for kind in waiting.kinds():
        if not kind.can_moderate(moderator):
            continue
        count = kind.count()
        found.append(
            WaitingList(label=kind.label, count=count, items=kind.oldest(limit) if count else [])
        )
    return found
