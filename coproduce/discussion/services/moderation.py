"""Moderating: reports, hiding and restoring comments, projects and other things, and
what waits for a moderator."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.projects.models import Owner, Project
from coproduce.projects.permissions import can_moderate as can_moderate_projects
from coproduce.projects.services import project_hidden_set
from coproduce.staff.services import audit_record

from .. import permissions, reporting, waiting
from ..kinds import MODERATION
from ..models import Comment, HiddenThing, ModerationAction, Report
from .comments import thread_url


def _thing_hidden(kind: str, pk: int) -> bool:
    return HiddenThing.objects.filter(kind=kind, target_id=pk).exists()


@transaction.atomic
def report_make(
    *,
    reporter,
    reason: str,
    details: str = "",
    comment: Comment | None = None,
    project: Project | None = None,
    thing=None,
) -> Report:
    """Report a comment, a project, or a thing of a registered kind (discussion/reporting.py)
    to the moderators. One open report per person per item."""
    if sum(x is not None for x in (comment, project, thing)) != 1:
        raise ValueError("Report one comment, project or thing.")
    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise NotAllowed(_("Sign in to report something."))
    if reason not in Report.Reason.values:
        raise Refusal(_("Choose why you are reporting it."), field="reason")
    target = None
    if thing is not None:
        target = reporting.target_of(thing)
        if target is None:
            raise ValueError("That kind of thing cannot be reported.")
        if not target.can_see(reporter, thing):
            raise NotAllowed(_("You cannot report that."))
        if _thing_hidden(target.slug, thing.pk):
            raise Refusal(_("A moderator has already hidden this."))
    else:
        item = comment or project
        if item.is_hidden:
            raise Refusal(_("A moderator has already hidden this."))
        if (
            comment is not None
            and Comment.objects.filter(pk=comment.pk, deleted_at__isnull=False).exists()
        ):
            raise Refusal(_("Its author has deleted that comment."))
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=reporter,
                comment=comment,
                project=project,
                target_kind=target.slug if target else "",
                target_id=thing.pk if thing is not None else None,
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


def _resolve_reports(*, moderator, comment=None, project=None, kind="", target_id=None) -> None:
    Report.objects.filter(
        status=Report.Status.OPEN,
        comment=comment,
        project=project,
        target_kind=kind,
        target_id=target_id,
    ).update(status=Report.Status.RESOLVED, resolved_by=moderator, resolved_at=timezone.now())


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


def _thing_change(*, moderator, kind: str, pk: int, reason: str, hide: bool):
    if not permissions.can_moderate_comments(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    target = reporting.target_for(kind)
    if target is None:
        raise Refusal(_("There is nothing of that kind to moderate."))
    reason = _require_reason(reason)
    # Lock the thing's row so two moderators cannot act on it at once.
    thing = target.model._default_manager.select_for_update(of=("self",)).filter(pk=pk).first()
    if thing is None:
        raise Refusal(_("That no longer exists."))
    hidden = HiddenThing.objects.filter(kind=kind, target_id=pk)
    if hidden.exists() == hide:
        raise Refusal(_("That is already hidden.") if hide else _("That is not hidden."))
    if hide:
        HiddenThing.objects.create(kind=kind, target_id=pk, reason=reason, hidden_by=moderator)
    else:
        hidden.delete()
    _resolve_reports(moderator=moderator, kind=kind, target_id=pk)
    _log(
        moderator=moderator,
        action=ModerationAction.Action.HIDE if hide else ModerationAction.Action.RESTORE,
        target=kind,
        item=thing,
        text=target.text(thing),
        reason=reason,
    )
    title = (
        _("A moderator hid %(title)s, which you shared")
        if hide
        else _("A moderator restored %(title)s, which you shared")
    )
    for person in target.owners(thing):
        if person is None or not person.is_active:
            continue
        notify(
            recipient=person,
            kind=MODERATION.slug,
            title=title % {"title": target.title(thing)},
            body=_("Reason: %(reason)s") % {"reason": reason},
            url=target.url(thing),
        )
    return thing


def thing_hide(*, moderator, kind: str, pk: int, reason: str):
    """Hide a reported thing (a shared item, an event, a place photo) from everyone but its
    owners and moderators; its owners are told why, never who reported it."""
    with transaction.atomic():
        return _thing_change(moderator=moderator, kind=kind, pk=pk, reason=reason, hide=True)


def thing_restore(*, moderator, kind: str, pk: int, reason: str):
    """Show a hidden thing again; its owners are told why."""
    with transaction.atomic():
        return _thing_change(moderator=moderator, kind=kind, pk=pk, reason=reason, hide=False)


@transaction.atomic
def report_dismiss(*, moderator, report: Report, reason: str) -> Report:
    """Close a report without acting on the item. The reporter is not told."""
    allowed = (
        can_moderate_projects(moderator)
        if report.project_id
        else permissions.can_moderate_comments(moderator)
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
    if report.comment_id:
        item, text = report.comment, report.comment.body
    elif report.project_id:
        item, text = report.project, report.project.title
    else:
        target = reporting.target_for(report.target_kind)
        thing = reporting.find(report.target_kind, report.target_id)
        item = thing if thing is not None else Report(pk=report.target_id)
        text = target.text(thing) if target is not None and thing is not None else ""
    _log(
        moderator=moderator,
        action=ModerationAction.Action.DISMISS,
        target=report.kind,
        item=item,
        text=text,
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
