"""`{% project_discussion project %}`: a project's comment thread and comment form."""

from django import template

from .. import permissions, selectors, services
from ..forms import CommentForm

register = template.Library()


def _page_start(request) -> int | None:
    raw = request.GET.get("comments_before", "")
    return int(raw) if raw.isdigit() and len(raw) < 19 else None


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
        entries.append((comment, replies))
    refusal = services.comment_refusal(user=user, project=project)
    return {
        "project": project,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "thread": thread,
        "entries": entries,
        "form": CommentForm(auto_id="comment-%s") if not refusal else None,
        "refusal": refusal,
        "signed_in": signed_in,
        "can_moderate": can_moderate,
        "here": request.get_full_path(),
    }
