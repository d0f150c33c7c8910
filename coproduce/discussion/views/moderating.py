"""Pages for moderators: the queue, the log, hiding and restoring, and what waits."""

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

from coproduce.common.errors import NotAllowed, refusal_to_form, render_form
from coproduce.projects.models import Project

from .. import permissions, reporting, selectors, services, waiting
from ..forms import (
    ModerationForm,
    WaitingDecisionForm,
)
from ..models import Comment, Report
from .posting import posted, too_big

# Anything bigger cannot be a comment of MAX_BODY characters (4 bytes each in UTF-8, each
# byte at most 3 once form-encoded), so it is refused before the body is even read.
QUEUE_PAGE = 50


def _require_moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied


@login_required
@require_GET
def queue(request):
    """Open reports, oldest first, with what was reported."""
    _require_moderator(request)
    page = Paginator(selectors.open_reports(), QUEUE_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.attach_things(list(page.object_list))
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
    if request.method == "POST" and too_big(request):
        return render(request, "errors/400.html", status=400)
    form = ModerationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        # Not a moderator (any more): the 403 page, from RefusalMiddleware.
        with refusal_to_form(form, let_through=NotAllowed):
            if report is not None:
                action(moderator=request.user, report=report, reason=form.cleaned_data["reason"])
            elif kind not in ("comment", "project"):
                action(
                    moderator=request.user,
                    kind=kind,
                    pk=item.pk,
                    reason=form.cleaned_data["reason"],
                )
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
        "warning": action in (services.comment_hide, services.project_hide, services.thing_hide),
        "thing": _thing_summary(kind, item),
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


def _thing_summary(kind: str, item) -> dict | None:
    """What the moderation page shows of a thing of a registered kind."""
    target = reporting.target_for(kind)
    if target is None or item is None:
        return None
    return {
        "label": target.label,
        "title": target.title(item),
        "text": target.text(item),
        "url": target.url(item),
    }


def _moderate_thing(request, kind: str, pk: int, *, hide: bool):
    _require_moderator(request)
    thing = reporting.find(kind, pk)
    if thing is None:
        raise Http404
    return _moderate(
        request,
        action=services.thing_hide if hide else services.thing_restore,
        item=thing,
        kind=kind,
        verb=_("Hide this") if hide else _("Show this again"),
        done=_("It is hidden and its owners have been told why.")
        if hide
        else _("It is shown again and its owners have been told why."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def thing_hide(request, kind: str, pk: int):
    return _moderate_thing(request, kind, pk, hide=True)


@login_required
@require_http_methods(["GET", "POST"])
def thing_restore(request, kind: str, pk: int):
    return _moderate_thing(request, kind, pk, hide=False)


@login_required
@require_http_methods(["GET", "POST"])
def report_dismiss(request, pk: int):
    report = get_object_or_404(
        Report.objects.select_related("comment__project", "project"),
        pk=pk,
        status=Report.Status.OPEN,
    )
    item = report.comment or report.project
    if item is None:
        item = reporting.find(report.target_kind, report.target_id)
    return _moderate(
        request,
        action=services.report_dismiss,
        item=item,
        kind=report.kind,
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
    if request.method == "POST" and too_big(request):
        return render(request, "errors/400.html", status=400)
    item = entry.find(pk)
    if item is None:
        messages.info(request, _("That has already been dealt with."))
        return redirect("discussion:queue")
    form = WaitingDecisionForm(posted(request))
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
