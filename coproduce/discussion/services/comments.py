"""Writing comments: posting, editing and deleting one's own."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.common.queue import task_enqueue_on_commit
from coproduce.projects.lifecycle import Status
from coproduce.projects.models import Project

from .. import tasks
from ..models import MAX_BODY, Comment, CommentEdit, Report


def thread_url(project_id: int) -> str:
    return reverse("projects:detail", args=[project_id]) + "#comments"


def comment_refusal(*, user, project: Project) -> str | None:
    """Why this person may not comment on this project, or None if they may."""
    if user is None or not user.is_authenticated:
        return _("Sign in to comment.")
    if not user.is_active:
        return _("Your account cannot comment.")
    if project.is_hidden:
        return _("A moderator has hidden this project, so it cannot take comments.")
    if project.status == Status.ARCHIVED:
        return _("This project is archived, so it cannot take new comments.")
    return None


def _clean_body(body: str) -> str:
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise Refusal(_("Enter your comment."), field="body")
    if len(body) > MAX_BODY:
        raise Refusal(
            _("Your comment must be %(limit)s characters or fewer.") % {"limit": f"{MAX_BODY:,}"},
            field="body",
        )
    return body


@transaction.atomic
def comment_post(*, author, project: Project, body: str, parent: Comment | None = None) -> Comment:
    """Add a comment (or a reply) to a project and tell the people who care.

    Raises Refusal if the person may not comment here, the text is empty or too
    long, or the parent is not a visible comment on this project. Nothing is stored then.
    """
    refusal = comment_refusal(user=author, project=project)
    if refusal:
        raise NotAllowed(refusal)
    body = _clean_body(body)
    replying_to = parent
    if parent is not None:
        if parent.project_id != project.pk:
            raise Refusal(_("You can only reply to comments on this project."))
        if parent.is_hidden:
            raise Refusal(_("A moderator has hidden that comment. You cannot reply."))
        if parent.parent_id is not None:
            parent = Comment(pk=parent.parent_id)  # replies stay one level deep
    comment = Comment.objects.create(project=project, author=author, parent=parent, body=body)
    # Telling owners and followers can mean many rows: it runs as a task once this commits,
    # so posting stays quick however many people follow the project.
    replying_to_id = replying_to.pk if replying_to is not None else None
    task_enqueue_on_commit(tasks.comment_notify, comment.pk, replying_to_id)
    return comment


def change_refusal(*, user, comment: Comment) -> str | None:
    """Why this person may not edit or delete this comment, or None if they may."""
    if user is None or not user.is_authenticated or not user.is_active:
        return _("Sign in to change your comment.")
    if comment.author_id != user.pk:
        return _("Only the person who wrote a comment can change it.")
    if comment.deleted_at is not None:
        return _("That comment has been deleted.")
    if comment.is_hidden:
        return _("A moderator has hidden that comment, so it cannot be changed.")
    if comment.project.is_hidden:
        return _("A moderator has hidden this project, so its comments cannot be changed.")
    return None


def _lock_for_change(*, author, comment: Comment) -> Comment:
    comment = (
        Comment.objects.select_for_update(of=("self",)).select_related("project").get(pk=comment.pk)
    )
    refusal = change_refusal(user=author, comment=comment)
    if refusal:
        raise NotAllowed(refusal)
    return comment


@transaction.atomic
def comment_edit(*, author, comment: Comment, body: str) -> Comment:
    """Change the text of your own comment. The earlier text is kept for moderators, and
    the comment is marked "edited" with the time. Sending the same text changes nothing."""
    comment = _lock_for_change(author=author, comment=comment)
    body = _clean_body(body)
    if body == comment.body:
        return comment
    CommentEdit.objects.create(comment=comment, body=comment.body)
    comment.body, comment.edited_at = body, timezone.now()
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    return comment


@transaction.atomic
def comment_delete(*, author, comment: Comment) -> Comment:
    """Delete your own comment. Its text is kept for moderators; the thread shows
    "Comment deleted by its author" where replies hang on it, and nothing otherwise."""
    comment = _lock_for_change(author=author, comment=comment)
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at", "updated_at"])
    # Nothing is left to report: open reports of it are closed.
    Report.objects.filter(status=Report.Status.OPEN, comment=comment).update(
        status=Report.Status.RESOLVED, resolved_at=timezone.now()
    )
    return comment
