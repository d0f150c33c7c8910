"""Reads for discussion and moderation: a project's thread a page at a time, and the queue."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from coproduce.people.naming import naming_fields
from coproduce.projects.models import Project

from . import reporting, waiting
from .models import Comment, HiddenThing, ModerationAction, Report

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
    A comment its author deleted is left out, unless replies hang on it: it keeps its place
    then (the thread says it was deleted). Deleted replies are left out.
    """
    live_replies = Comment.objects.filter(parent=OuterRef("pk"), deleted_at__isnull=True)
    top = (
        _with_names(Comment.objects.filter(project=project, parent__isnull=True))
        .filter(Q(deleted_at__isnull=True) | Exists(live_replies))
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=_with_names(Comment.objects.filter(deleted_at__isnull=True)).order_by(
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


def _with_names(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    """The comments whole, with only what naming their authors reads of them: a thread of
    50 comments and their replies spent a millisecond building every author's and profile's
    other fields."""
    own = [field.name for field in Comment._meta.concrete_fields]
    return comments.select_related("author__profile").only(*own, *naming_fields("author"))


def open_reports() -> QuerySet[Report]:
    """Open reports, oldest first, with the reported comment or project and who reported.
    Reported things of other kinds are fetched for a page with `attach_things`."""
    return (
        Report.objects.filter(status=Report.Status.OPEN)
        .select_related(
            "reporter__profile", "comment__author__profile", "comment__project", "project"
        )
        .prefetch_related("comment__edits")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class ReportedThing:
    """A reported thing of a registered kind, as the queue shows it."""

    kind: str
    pk: int
    label: object
    title: str
    text: str
    url: str
    is_hidden: bool


def attach_things(reports: list[Report]) -> list[Report]:
    """Set `report.thing` (a ReportedThing, or None when it is gone) on each report of a
    registered kind: one query per kind on the page, and one for what is hidden."""
    wanted: dict[str, set[int]] = {}
    for report in reports:
        if report.target_id is not None:
            wanted.setdefault(report.target_kind, set()).add(report.target_id)
    found: dict[tuple[str, int], ReportedThing] = {}
    hidden = set()
    if wanted:
        query = Q()
        for kind, ids in wanted.items():
            query |= Q(kind=kind, target_id__in=ids)
        hidden = set(HiddenThing.objects.filter(query).values_list("kind", "target_id"))
    for kind, ids in wanted.items():
        target = reporting.target_for(kind)
        if target is None:
            continue
        queryset = target.model._default_manager.all()
        if target.select_related:
            queryset = queryset.select_related(*target.select_related)
        for pk, obj in queryset.in_bulk(ids).items():
            found[(kind, pk)] = ReportedThing(
                kind=kind,
                pk=pk,
                label=target.label,
                title=target.title(obj),
                text=target.text(obj),
                url=target.url(obj),
                is_hidden=(kind, pk) in hidden,
            )
    for report in reports:
        report.thing = found.get((report.target_kind, report.target_id))
    return reports


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
