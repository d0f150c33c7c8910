"""`{% project_discussion project %}`: a project's comment thread and comment form."""

from django import template
from django.core.exceptions import BadRequest

from coproduce.common.numbers import NumberError, whole_number

from .. import permissions, selectors, services
from ..forms import CommentForm

register = template.Library()


def _page_start(request) -> int | None:
    """The comment the page of older comments starts before; a 400 page if it is not one."""
    raw = request.GET.get("comments_before", "")
    if not raw:
        return None
    try:
        return whole_number(raw, name="comments_before", minimum=1)
    except NumberError as error:
        raise BadRequest(str(error)) from None


@register.inclusion_tag("discussion/_thread.html", takes_context=True)
def project_discussion(context, project) -> dict:
    """The newest comments of a project with their replies, in a fixed number of queries."""
    request = context["request"]
    user = request.user
    thread = selectors.thread_for_project(project, before=_page_start(request))
    can_moderate = permissions.can_moderate_comments(user)
    signed_in = user.is_authenticated
    entries = []
    for comment in thread.comments:
        replies = list(comment.replies.all())
        for item in (comment, *replies):
            # Hidden comments are shown in full only to their author and to moderators.
            item.shown = not item.is_hidden or can_moderate or item.author_id == user.pk
            item.mine = signed_in and item.author_id == user.pk
            item.can_change = item.mine and not item.is_hidden and not item.is_deleted
        entries.append((comment, replies))
    refusal = services.comment_refusal(user=user, project=project)
    form = None
    if not refusal:
        # A failed comment shows this page again with its form, errors and text kept.
        form = next(
            (
                f
                for f in getattr(request, "page_forms", [])
                if getattr(f, "subject", None) == ("project", project.pk)
            ),
            None,
        ) or CommentForm(auto_id="comment-%s")
    return {
        "project": project,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "thread": thread,
        "entries": entries,
        "form": form,
        "refusal": refusal,
        "signed_in": signed_in,
        "can_moderate": can_moderate,
        "here": request.get_full_path(),
    }
