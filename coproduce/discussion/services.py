"""Every write to discussion and moderation goes through here (telling people of a new
comment is queued to tasks.comment_notify).

Each moderation service checks the moderator's permission, changes the item, resolves the
open reports about it, writes the ModerationAction and tells the author, in one transaction.
A project's hidden flag itself is written by projects.services.project_hidden_set.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.projects.lifecycle import Status
from coproduce.projects.models import Owner, Project
from coproduce.projects.permissions import can_moderate as can_moderate_projects
from coproduce.projects.services import project_hidden_set
from coproduce.staff.services import audit_record

from . import permissions, tasks, waiting
from .kinds import MODERATION
from .models import MAX_BODY, Comment, ModerationAction, Report


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


@transaction.atomic
def comment_post(*, author, project: Project, body: str, parent: Comment | None = None) -> Comment:
    """Add a comment (or a reply) to a project and tell the people who care.

    Raises Refusal if the person may not comment here, the text is empty or too
    long, or the parent is not a visible comment on this project. Nothing is stored then.
    """
    refusal = comment_refusal(user=author, project=project)
    if refusal:
        raise NotAllowed(refusal)
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise Refusal(_("Enter your comment."))
    if len(body) > MAX_BODY:
        raise Refusal(
            _("Your comment must be %(limit)s characters or fewer.") % {"limit": f"{MAX_BODY:,}"}
        )
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
    transaction.on_commit(lambda: tasks.comment_notify.enqueue(comment.pk, replying_to_id))
    return comment


@transaction.atomic
def report_make(
    *,
    reporter,
    reason: str,
    details: str = "",
    comment: Comment | None = None,
    project: Project | None = None,
) -> Report:
    """Report a comment or a project to the moderators. One open report per person per item."""
    if (comment is None) == (project is None):
        raise ValueError("Report either a comment or a project.")
    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise NotAllowed(_("Sign in to report something."))
    if reason not in Report.Reason.values:
        raise Refusal(_("Choose why you are reporting it."))
    item = comment or project
    if item.is_hidden:
        raise Refusal(_("A moderator has already hidden this."))
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=reporter,
                comment=comment,
                project=project,
                reason=reason,
                details=details.strip()[:1000],
            )
    except IntegrityError:
        raise Refusal(
            _("You have already reported this. A moderator will look at it soon.")
        ) from None


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Say why. The author is told the reason."))
    return reason[:500]


def _resolve_reports(*, moderator, comment=None, project=None) -> None:
    Report.objects.filter(status=Report.Status.OPEN, comment=comment, project=project).update(
        status=Report.Status.RESOLVED, resolved_by=moderator, resolved_at=timezone.now()
    )


def _log(*, moderator, action: str, target: str, item, text: str, reason: str, report=None):
    audit_record(
        actor=moderator,
        action=f"moderation.{target}_{action}",
        target=f"{target} {item.pk}",
        detail={"reason": reason},
    )
    return ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        target=target,
        target_id=item.pk,
        target_text=text[:2000],
        report_id=report.pk if report is not None else None,
        reason=reason,
    )


def _comment_change(*, moderator, comment: Comment, reason: str, hide: bool) -> Comment:
    if not permissions.can_moderate_comments(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    reason = _require_reason(reason)
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("author", "project")
        .get(pk=comment.pk)
    )
    if comment.is_hidden == hide:
        raise Refusal(
            _("That comment is already hidden.") if hide else _("That comment is not hidden.")
        )
    comment.is_hidden, comment.hidden_reason = hide, reason if hide else ""
    comment.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    _resolve_reports(moderator=moderator, comment=comment)
    action = ModerationAction.Action.HIDE if hide else ModerationAction.Action.RESTORE
    _log(
        moderator=moderator,
        action=action,
        target=ModerationAction.Target.COMMENT,
        item=comment,
        text=comment.body,
        reason=reason,
    )
    if comment.author is not None and comment.author.is_active:
        title = (
            _("A moderator hid your comment on %(title)s")
            if hide
            else _("A moderator restored your comment on %(title)s")
        )
        notify(
            recipient=comment.author,
            kind=MODERATION.slug,
            title=title % {"title": comment.project.title},
            body=_("Reason: %(reason)s") % {"reason": reason},
            url=thread_url(comment.project_id),
        )
    return comment


def comment_hide(*, moderator, comment: Comment, reason: str) -> Comment:
    """Hide a comment from everyone but its author and moderators; the author is told why."""
    with transaction.atomic():
        return _comment_change(moderator=moderator, comment=comment, reason=reason, hide=True)


def comment_restore(*, moderator, comment: Comment, reason: str) -> Comment:
    """Show a hidden comment again; the author is told why."""
    with transaction.atomic():
        return _comment_change(moderator=moderator, comment=comment, reason=reason, hide=False)


def _project_people(project: Project) -> list:
    people = {owner.user for owner in Owner.objects.filter(project=project).select_related("user")}
    people.discard(None)
    if project.created_by is not None:
        people.add(project.created_by)
    return sorted((p for p in people if p.is_active), key=lambda p: p.pk)


def _project_change(*, moderator, project: Project, reason: str, hide: bool) -> Project:
    if not can_moderate_projects(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    reason = _require_reason(reason)
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("created_by")
        .get(pk=project.pk)
    )
    if project.is_hidden == hide:
        raise Refusal(
            _("That project is already hidden.") if hide else _("That project is not hidden.")
        )
    project_hidden_set(moderator=moderator, project=project, hidden=hide)
    _resolve_reports(moderator=moderator, project=project)
    _log(
        moderator=moderator,
        action=ModerationAction.Action.HIDE if hide else ModerationAction.Action.RESTORE,
        target=ModerationAction.Target.PROJECT,
        item=project,
        text=f"{project.title}\n{project.summary}\n{project.description}",
        reason=reason,
    )
    title = (
        _("A moderator hid your project %(title)s")
        if hide
        else _("A moderator restored your project %(title)s")
    )
    for person in _project_people(project):
        notify(
            recipient=person,
            kind=MODERATION.slug,
            title=title % {"title": project.title},
            body=_("Reason: %(reason)s") % {"reason": reason},
            url=reverse("projects:detail", args=[project.pk]),
        )
    return project


def project_hide(*, moderator, project: Project, reason: str) -> Project:
    """Hide a project from everyone but its owners; its author and owners are told why."""
    with transaction.atomic():
        return _project_change(moderator=moderator, project=project, reason=reason, hide=True)


def project_restore(*, moderator, project: Project, reason: str) -> Project:
    """Show a hidden project again; its author and owners are told why."""
    with transaction.atomic():
        return _project_change(moderator=moderator, project=project, reason=reason, hide=False)


@transaction.atomic
def report_dismiss(*, moderator, report: Report, reason: str) -> Report:
    """Close a report without acting on the item. The reporter is not told."""
    allowed = (
        permissions.can_moderate_comments(moderator)
        if report.comment_id
        else can_moderate_projects(moderator)
    )
    if not allowed:
        raise NotAllowed(_("Only moderators can do that."))
    reason = _require_reason(reason)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        raise Refusal(_("That report has already been dealt with."))
    report.status, report.resolved_by, report.resolved_at = (
        Report.Status.RESOLVED,
        moderator,
        timezone.now(),
    )
    report.save(update_fields=["status", "resolved_by", "resolved_at", "updated_at"])
    item = report.comment or report.project
    _log(
        moderator=moderator,
        action=ModerationAction.Action.DISMISS,
        target=ModerationAction.Target.COMMENT
        if report.comment_id
        else (ModerationAction.Target.PROJECT),
        item=item,
        text=item.body if report.comment_id else item.title,
        reason=reason,
        report=report,
    )
    return report


@transaction.atomic
def waiting_decide(*, moderator, kind: str, pk: int, approve: bool, reason: str) -> str:
    """Approve or reject an item waiting for moderation (discussion/waiting.py), and log it.

    The app that registered the kind changes the item and tells its author; this writes the
    moderation log and the audit entry in the same transaction. Returns the item's text.
    """
    entry = waiting.kind_for(kind)
    if entry is None:
        raise Refusal(_("There is nothing of that kind to moderate."))
    if not entry.can_moderate(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    reason = reason.strip()
    if not approve and not reason:
        raise Refusal(_("Say why. The author is told the reason."), field="reason")
    reason = reason[:500] or _("It follows the rules.")
    text = entry.decide(moderator=moderator, pk=pk, approve=approve, reason=reason)
    action = ModerationAction.Action.APPROVE if approve else ModerationAction.Action.REJECT
    audit_record(
        actor=moderator,
        action=f"moderation.{kind}_{action}",
        target=f"{kind} {pk}",
        detail={"reason": reason},
    )
    ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        target=kind,
        target_id=pk,
        target_text=text[:2000],
        reason=reason,
    )
    return text
