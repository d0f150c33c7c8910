"""Thin views: parse, authorise, call one service or selector, render or redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.projects.models import Project
from coproduce.projects.permissions import can_see

from . import permissions, selectors, services, waiting
from .forms import CommentForm, ModerationForm, ReplyForm, ReportForm, WaitingDecisionForm
from .models import MAX_BODY, Comment, Report

# Anything bigger cannot be a comment of MAX_BODY characters (4 bytes each in UTF-8, each
# byte at most 3 once form-encoded), so it is refused before the body is even read.
MAX_POST_BYTES = MAX_BODY * 12 + 4096
QUEUE_PAGE = 50


def _too_big(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES
    except ValueError:
        return True


def _posted(request):
    """The form data on POST (even when empty, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def _visible_project(request, pk: int) -> Project:
    """The project, unless it is hidden from this person (projects.permissions.can_see)."""
    project = Project.objects.filter(pk=pk).first()
    if project is None or not can_see(request.user, project):
        raise Http404  # not saying that a hidden project exists
    return project


def _too_long_page(request, project: Project):
    context = {"project": project, "limit": f"{MAX_BODY:,}"}
    return render(request, "discussion/too_long.html", context, status=413)


@login_required
@require_http_methods(["GET", "POST"])
def comment(request, pk: int):
    """Post a comment or a reply. GET shows the form alone; errors come back here too."""
    if request.method == "POST" and _too_big(request):
        return _too_long_page(request, get_object_or_404(Project, pk=pk, is_hidden=False))
    project = _visible_project(request, pk)
    refusal = services.comment_refusal(user=request.user, project=project)
    if refusal:
        messages.error(request, refusal)
        return redirect(services.thread_url(project.pk))
    form = CommentForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = (
                Comment.objects.select_related("author__profile")
                .filter(pk=form.cleaned_data["parent"])
                .first()
            )
            if parent is None:
                form.add_error(None, _("The comment you are replying to no longer exists."))
        if not form.errors:
            limits.check(request, "comment")
            with refusal_to_form(form):
                new = services.comment_post(
                    author=request.user,
                    project=project,
                    body=form.cleaned_data["body"],
                    parent=parent,
                )
                messages.success(request, _("Thank you. Your comment has been added."))
                anchor = f"#comment-{new.pk}" if new.parent_id else "#comments"
                return redirect(reverse("projects:detail", args=[project.pk]) + anchor)
    return render_form(request, "discussion/comment_form.html", {"form": form, "project": project})


@login_required
@require_GET
def reply(request, pk: int):
    """The form to reply to one comment; it posts to `comment` with the parent's id."""
    parent = get_object_or_404(Comment.objects.select_related("author", "project"), pk=pk)
    project = _visible_project(request, parent.project_id)
    refusal = services.comment_refusal(user=request.user, project=project)
    if refusal or parent.is_hidden:
        messages.error(request, refusal or _("A moderator has hidden that comment."))
        return redirect(services.thread_url(project.pk))
    form = ReplyForm(initial={"parent": parent.pk})
    context = {"form": form, "project": project, "parent": parent}
    return render(request, "discussion/comment_form.html", context)


def _report(request, *, project: Project, comment: Comment | None):
    if request.method == "POST" and _too_big(request):
        return render(request, "errors/400.html", status=400)
    form = ReportForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        limits.check(request, "report")
        with refusal_to_message(request):
            services.report_make(
                reporter=request.user,
                comment=comment,
                project=None if comment else project,
                **form.cleaned_data,
            )
            messages.success(request, _("Thank you. A moderator will look at your report."))
        return redirect(services.thread_url(project.pk))
    context = {"form": form, "project": project, "comment": comment}
    return render_form(request, "discussion/report_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_comment(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("author__profile"), pk=pk)
    project = _visible_project(request, comment.project_id)
    if comment.is_hidden:
        messages.error(request, _("A moderator has already hidden this."))
        return redirect(services.thread_url(project.pk))
    return _report(request, project=project, comment=comment)


@login_required
@require_http_methods(["GET", "POST"])
def report_project(request, pk: int):
    project = _visible_project(request, pk)
    if project.is_hidden:
        messages.error(request, _("A moderator has already hidden this."))
        return redirect(services.thread_url(project.pk))
    return _report(request, project=project, comment=None)


def _require_moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied


@login_required
@require_GET
def queue(request):
    """Open reports, oldest first, with what was reported."""
    _require_moderator(request)
    page = Paginator(selectors.open_reports(), QUEUE_PAGE).get_page(request.GET.get("page"))
    waiting_items = selectors.waiting_for(request.user, limit=QUEUE_PAGE)
    return render(request, "discussion/queue.html", {"page": page, "waiting": waiting_items})


@login_required
@require_GET
def log(request):
    """Every moderation action, newest first."""
    _require_moderator(request)
    page = Paginator(selectors.moderation_log(), QUEUE_PAGE).get_page(request.GET.get("page"))
    return render(request, "discussion/log.html", {"page": page})


def _next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _moderate(request, *, action, item, kind: str, verb: str, done: str, report=None):
    _require_moderator(request)
    if request.method == "POST" and _too_big(request):
        return render(request, "errors/400.html", status=400)
    form = ModerationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        # Not a moderator (any more): the 403 page, from RefusalMiddleware.
        with refusal_to_form(form, let_through=NotAllowed):
            if report is not None:
                action(moderator=request.user, report=report, reason=form.cleaned_data["reason"])
            else:
                action(moderator=request.user, reason=form.cleaned_data["reason"], **{kind: item})
            messages.success(request, done)
            return redirect(_next_url(request, reverse("discussion:queue")))
    context = {
        "form": form,
        "item": item,
        "kind": kind,
        "verb": verb,
        "report": report,
        "next": _next_url(request, ""),
        "warning": action in (services.comment_hide, services.project_hide),
    }
    return render_form(request, "discussion/moderate_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def comment_hide(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("author", "project"), pk=pk)
    return _moderate(
        request,
        action=services.comment_hide,
        item=comment,
        kind="comment",
        verb=_("Hide this comment"),
        done=_("The comment is hidden and its author has been told why."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_restore(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("author", "project"), pk=pk)
    return _moderate(
        request,
        action=services.comment_restore,
        item=comment,
        kind="comment",
        verb=_("Restore this comment"),
        done=_("The comment is shown again and its author has been told why."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_hide(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    return _moderate(
        request,
        action=services.project_hide,
        item=project,
        kind="project",
        verb=_("Hide this project"),
        done=_("The project is hidden and its owners have been told why."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_restore(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    return _moderate(
        request,
        action=services.project_restore,
        item=project,
        kind="project",
        verb=_("Restore this project"),
        done=_("The project is shown again and its owners have been told why."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_dismiss(request, pk: int):
    report = get_object_or_404(
        Report.objects.select_related("comment__project", "project"),
        pk=pk,
        status=Report.Status.OPEN,
    )
    return _moderate(
        request,
        action=services.report_dismiss,
        item=report.comment or report.project,
        kind="comment" if report.comment_id else "project",
        verb=_("Dismiss this report"),
        done=_("The report is dismissed."),
        report=report,
    )


@login_required
@require_http_methods(["GET", "POST"])
def waiting_decide(request, kind: str, pk: int):
    """Approve or reject something waiting to be shown (discussion/waiting.py)."""
    _require_moderator(request)
    entry = waiting.kind_for(kind)
    if entry is None:
        raise Http404
    if not entry.can_moderate(request.user):
        raise PermissionDenied
    if request.method == "POST" and _too_big(request):
        return render(request, "errors/400.html", status=400)
    item = entry.find(pk)
    if item is None:
        messages.info(request, _("That has already been dealt with."))
        return redirect("discussion:queue")
    form = WaitingDecisionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        with refusal_to_form(form, let_through=NotAllowed):
            services.waiting_decide(
                moderator=request.user,
                kind=kind,
                pk=pk,
                approve=approve,
                reason=form.cleaned_data["reason"],
            )
            messages.success(
                request,
                _("It is shown now.")
                if approve
                else _("It will not be shown. Its author is told why."),
            )
            return redirect("discussion:queue")
    context = {"form": form, "item": item, "kind_label": entry.label}
    return render_form(request, "discussion/waiting_form.html", context)
