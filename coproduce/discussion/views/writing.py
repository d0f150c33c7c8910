"""Pages for writing: comments, replies, editing and deleting one's own, and reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.projects.models import Project
from coproduce.projects.permissions import can_see

from .. import hiding, reporting, services
from ..forms import (
    CommentEditForm,
    CommentForm,
    ReplyForm,
    ReportForm,
)
from ..models import MAX_BODY, Comment
from .posting import posted, too_big

# Anything bigger cannot be a comment of MAX_BODY characters (4 bytes each in UTF-8, each
# byte at most 3 once form-encoded), so it is refused before the body is even read.
QUEUE_PAGE = 50


def _visible_project(request, pk: int) -> Project:
    """The project, unless it is hidden from this person (projects.permissions.can_see)."""
    project = Project.objects.filter(pk=pk).first()
    if project is None or not can_see(request.user, project):
        raise Http404  # not saying that a hidden project exists
    return project


def _too_long_page(request, project: Project):
    context = {"project": project, "limit": f"{MAX_BODY:,}"}
    return render(request, "discussion/too_long.html", context, status=413)


def _subject_page(request, project: Project, form):
    """The page the comment box was on, shown again with the failed form in its place and
    the error in the page's one error summary: answer 400.

    The page's own view draws it, from a GET-like request by the same person; the thread's
    template tag finds the bound form in `request.page_forms` (by its `subject`).
    """
    form.subject = ("project", project.pk)
    request.page_forms = [form]
    url = services.thread_url(project.pk).split("#", 1)[0]
    match = resolve(url)
    request.method = "GET"
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    response.status_code = 400
    return response


@login_required
@require_http_methods(["GET", "POST"])
def comment(request, pk: int):
    """Post a comment or a reply. GET shows the form alone.

    A failed comment from the thread shows the project page again with the error in place
    (answer 400); a failed reply comes back to the reply form.
    """
    if request.method == "POST" and too_big(request):
        return _too_long_page(request, get_object_or_404(Project, pk=pk, is_hidden=False))
    project = _visible_project(request, pk)
    refusal = services.comment_refusal(user=request.user, project=project)
    if refusal:
        messages.error(request, refusal)
        return redirect(services.thread_url(project.pk))
    form = CommentForm(posted(request), auto_id="comment-%s")
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
    if request.method == "POST" and not request.POST.get("parent"):
        return _subject_page(request, project, form)
    return render_form(request, "discussion/comment_form.html", {"form": form, "project": project})


def _own_comment(request, pk: int) -> Comment:
    """The comment, if this person wrote it and may still change it; else 404 or 403."""
    comment = get_object_or_404(
        Comment.objects.select_related("project", "author__profile"), pk=pk, deleted_at=None
    )
    _visible_project(request, comment.project_id)
    refusal = services.change_refusal(user=request.user, comment=comment)
    if refusal:
        raise PermissionDenied(refusal)
    return comment


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request, pk: int):
    """Change the text of your own comment."""
    if request.method == "POST" and too_big(request):
        return _too_long_page(request, _own_comment(request, pk).project)
    comment = _own_comment(request, pk)
    form = CommentEditForm(posted(request), initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        limits.check(request, "comment")
        with refusal_to_form(form, let_through=NotAllowed):
            services.comment_edit(
                author=request.user, comment=comment, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Your comment has been changed."))
            return redirect(
                reverse("projects:detail", args=[comment.project_id]) + f"#comment-{comment.pk}"
            )
    context = {"form": form, "comment": comment, "project": comment.project}
    return render_form(request, "discussion/comment_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request, pk: int):
    """Ask, then delete your own comment (POST only deletes)."""
    comment = _own_comment(request, pk)
    if request.method == "POST":
        limits.check(request, "comment")
        services.comment_delete(author=request.user, comment=comment)
        messages.success(request, _("Your comment has been deleted."))
        return redirect(services.thread_url(comment.project_id))
    context = {"comment": comment, "project": comment.project}
    return render(request, "discussion/comment_delete.html", context)


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
    if request.method == "POST" and too_big(request):
        return render(request, "errors/400.html", status=400)
    form = ReportForm(posted(request))
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


@login_required
@require_http_methods(["GET", "POST"])
def report_thing(request, kind: str, pk: int):
    """Report a shared item, an event, a place photo (a kind in discussion/reporting.py)."""
    target = reporting.target_for(kind)
    thing = reporting.find(kind, pk)
    if target is None or thing is None or not target.can_see(request.user, thing):
        raise Http404
    if hiding.hidden_from(request.user, thing):
        raise Http404
    back = target.url(thing)
    if hiding.is_hidden(thing):
        messages.error(request, _("A moderator has already hidden this."))
        return redirect(back)
    if any(person.pk == request.user.pk for person in target.owners(thing)):
        messages.error(request, _("You cannot report something you shared."))
        return redirect(back)
    if request.method == "POST" and too_big(request):
        return render(request, "errors/400.html", status=400)
    form = ReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        limits.check(request, "report")
        with refusal_to_message(request, let_through=NotAllowed):
            services.report_make(reporter=request.user, thing=thing, **form.cleaned_data)
            messages.success(request, _("Thank you. A moderator will look at your report."))
        return redirect(back)
    context = {
        "form": form,
        "target": target,
        "thing": thing,
        "title": target.title(thing),
        "text": target.text(thing),
        "back": back,
    }
    return render_form(request, "discussion/report_thing_form.html", context)
