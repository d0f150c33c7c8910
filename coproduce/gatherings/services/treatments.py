"""Action learning set treatments: a project put forward for a session, captured in four
columns, and reported back on at a later session."""

from collections.abc import Mapping
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.projects import permissions as project_permissions
from coproduce.projects.models import Project

from .. import permissions
from ..models import Action, Barrier, Column, ColumnNote, Event, ReportBack, Rsvp, Treatment
from .barriers import barrier_link_best

MAX_TEXT = 500


def can_capture(user, treatment: Treatment) -> bool:
    """Who may add to the four columns: facilitators and organisers, the person bringing
    the project, and everyone with a place at the session."""
    if not permissions.can_take_part(user):
        return False
    if treatment.presenter_id == user.pk or permissions.can_manage(user, treatment.event):
        return True
    return Rsvp.objects.filter(
        event_id=treatment.event_id, user=user, status=Rsvp.Status.CONFIRMED
    ).exists()


def can_report_back(user, treatment: Treatment) -> bool:
    """The person who brought the project, its owners, and the set's organisers."""
    if not permissions.can_take_part(user):
        return False
    if treatment.presenter_id == user.pk or permissions.can_manage(user, treatment.event):
        return True
    return treatment.project_id is not None and project_permissions.can_manage(
        user, treatment.project
    )


def _earlier_treatment(event: Event, project: Project | None, title: str) -> Treatment | None:
    """The last time this project came to the same set, so report-backs can follow on."""
    if event.series_id is None:
        return None
    earlier = Treatment.objects.filter(
        event__series_id=event.series_id,
        event__starts_at__lt=event.starts_at,
        status=Treatment.Status.ACCEPTED,
    )
    if project is not None:
        earlier = earlier.filter(project=project)
    else:
        earlier = earlier.filter(project__isnull=True, title__iexact=title)
    return earlier.order_by("-event__starts_at", "-pk").first()


@transaction.atomic
def treatment_propose(
    *,
    event: Event,
    by,
    project: Project | None = None,
    title: str = "",
    summary: str = "",
    question: str = "",
    now: datetime | None = None,
) -> Treatment:
    """Put a project forward for a session: one from the projects app (which you help run),
    or one described in a few lines. Accepted at once if an organiser puts it forward."""
    now = now or timezone.now()
    if not permissions.can_take_part(by):
        raise Refusal(_("Sign in to put a project forward."))
    if event.kind != Event.Kind.ACTION_LEARNING_SET:
        raise Refusal(_("Projects can only be put forward to action learning sets."))
    if event.is_cancelled or event.ends_at <= now:
        raise Refusal(_("This session has ended or been cancelled."))
    if project is not None:
        if not project_permissions.can_manage(by, project):
            raise Refusal(_("You can only put forward a project you help to run."))
        title = title.strip() or project.title
        summary = summary.strip() or project.summary
    title, summary = title.strip(), summary.strip()
    if not title:
        raise Refusal(_("Give the project a name."))
    if not summary:
        raise Refusal(_("Describe the project in a few lines."))
    already = Treatment.objects.filter(event=event, presenter=by).exclude(
        status=Treatment.Status.DECLINED
    )
    if project is not None and already.filter(project=project).exists():
        raise Refusal(_("You have already put this project forward for this session."))
    manager = permissions.can_manage(by, event)
    return Treatment.objects.create(
        event=event,
        project=project,
        title=title[:150],
        summary=summary,
        question=question.strip(),
        presenter=by,
        status=Treatment.Status.ACCEPTED if manager else Treatment.Status.PROPOSED,
        follows=_earlier_treatment(event, project, title),
    )


@transaction.atomic
def treatment_decide(*, treatment: Treatment, by, accept: bool) -> Treatment:
    if not permissions.can_manage(by, treatment.event):
        raise Refusal(_("Only the set's organisers can choose which projects come."))
    if treatment.status != Treatment.Status.PROPOSED:
        raise Refusal(_("This project has already been decided on."))
    treatment.status = Treatment.Status.ACCEPTED if accept else Treatment.Status.DECLINED
    treatment.save(update_fields=["status", "updated_at"])
    return treatment


def _check_capture(treatment: Treatment, by, text: str) -> str:
    if treatment.status != Treatment.Status.ACCEPTED:
        raise Refusal(_("This project is not on the session's agenda."))
    if not can_capture(by, treatment):
        raise Refusal(_("Only people at the session can add to this."))
    text = " ".join(text.split())
    if not text:
        raise Refusal(_("Write something to add."))
    if len(text) > MAX_TEXT:
        raise Refusal(_("Use 500 characters or fewer."))
    return text


@transaction.atomic
def note_add(*, treatment: Treatment, by, column: str, text: str) -> ColumnNote:
    """Add to "who is affected" or "resources"."""
    if column not in (Column.WHO, Column.RESOURCES):
        raise Refusal(_("Choose who is affected or resources."))
    text = _check_capture(treatment, by, text)
    return ColumnNote.objects.create(treatment=treatment, column=column, text=text, added_by=by)


@transaction.atomic
def action_add(
    *,
    treatment: Treatment,
    by,
    text: str,
    due_on: date,
    owner=None,
    owner_name: str = "",
) -> Action:
    """Add to the action plan. Every action has someone who will do it and a due date."""
    text = _check_capture(treatment, by, text)
    owner_name = owner_name.strip()[:150]
    if owner is None and not owner_name:
        raise Refusal(_("Say who will do it."))
    if owner is not None and not owner.is_active:
        raise Refusal(_("That account is not active. Write the person's name."))
    if due_on < timezone.localdate(treatment.event.starts_at):
        raise Refusal(_("The due date must be on or after the session."))
    return Action.objects.create(
        treatment=treatment,
        text=text,
        owner=owner,
        owner_name="" if owner is not None else owner_name,
        due_on=due_on,
        added_by=by,
    )


@transaction.atomic
def barrier_add(*, treatment: Treatment, by, text: str) -> Barrier:
    """Name a barrier. It joins the library entry it clearly matches, if there is one."""
    text = _check_capture(treatment, by, text)
    barrier = Barrier.objects.create(treatment=treatment, text=text, added_by=by)
    barrier_link_best(barrier=barrier)
    return barrier


@transaction.atomic
def capture_remove(*, item: ColumnNote | Action | Barrier, by) -> None:
    """Take back something added by mistake: its author or a facilitator. Anything already
    reported on stays, so the record of what happened is kept."""
    treatment = item.treatment
    if item.added_by_id != by.pk and not permissions.can_manage(by, treatment.event):
        raise Refusal(_("Only the person who added it or a facilitator can remove it."))
    if isinstance(item, Action | Barrier) and item.report_backs.exists():
        raise Refusal(_("This has been reported on, so it stays on the record."))
    item.delete()


@transaction.atomic
def report_back(
    *,
    treatment: Treatment,
    by,
    actions: Mapping[int, tuple[str, str]],
    barriers: Mapping[int, tuple[str, str]],
    at_event: Event | None = None,
    now: datetime | None = None,
) -> list[ReportBack]:
    """Say what happened to each action (done, in progress, dropped) and each barrier
    (busted or still in the way), each with a note. All are saved, or none."""
    now = now or timezone.now()
    if not can_report_back(by, treatment):
        raise Refusal(_("Only the person who brought the project can report back."))
    if treatment.event.starts_at > now:
        raise Refusal(_("You can report back once the session has happened."))
    if not actions and not barriers:
        raise Refusal(_("Say what happened to at least one action or barrier."))
    # Fresh querysets, not the treatment's (maybe prefetched) related managers: a prefetch
    # with select_related would bring outer joins that PostgreSQL refuses to lock.
    own_actions = {a.pk: a for a in Action.objects.filter(treatment=treatment).select_for_update()}
    own_barriers = {
        b.pk: b for b in Barrier.objects.filter(treatment=treatment).select_for_update()
    }
    if set(actions) - set(own_actions) or set(barriers) - set(own_barriers):
        raise Refusal(_("Report only on this project's actions and barriers."))
    written = []
    for pk, (outcome, note) in actions.items():
        if outcome not in ReportBack.ACTION_OUTCOMES:
            raise Refusal(_("For each action choose done, in progress or dropped."))
        action = own_actions[pk]
        action.status = outcome
        action.save(update_fields=["status", "updated_at"])
        written.append(
            ReportBack(
                treatment=treatment,
                event=at_event,
                action=action,
                outcome=outcome,
                note=note.strip(),
                reported_by=by,
            )
        )
    for pk, (outcome, note) in barriers.items():
        if outcome not in ReportBack.BARRIER_OUTCOMES:
            raise Refusal(_("For each barrier choose busted or still in the way."))
        barrier = own_barriers[pk]
        note = note.strip()
        if outcome == ReportBack.Outcome.BUSTED:
            if not note:
                raise Refusal(
                    _("Say how “%(barrier)s” was busted, so others can learn from it.")
                    % {"barrier": barrier.text}
                )
            barrier.busted_at, barrier.busted_how = barrier.busted_at or now, note
        else:
            barrier.busted_at, barrier.busted_how = None, ""
        barrier.save(update_fields=["busted_at", "busted_how", "updated_at"])
        written.append(
            ReportBack(
                treatment=treatment,
                event=at_event,
                barrier=barrier,
                outcome=outcome,
                note=note,
                reported_by=by,
            )
        )
    written = ReportBack.objects.bulk_create(written)
    # A report-back is dated when it was said (`now`), which set_progress reads as the story
    # over time; auto_now_add would stamp the clock time instead, even for a given `now`.
    ReportBack.objects.filter(pk__in=[report.pk for report in written]).update(created_at=now)
    for report in written:
        report.created_at = now
    return written


@transaction.atomic
def barrier_bust(*, barrier: Barrier, by, how: str, now: datetime | None = None) -> Barrier:
    """Mark a barrier busted, with how: the lesson others will look for in the library."""
    how = how.strip()
    if not how:
        raise Refusal(_("Say how it was busted, so others can learn from it."))
    report_back(
        treatment=barrier.treatment,
        by=by,
        actions={},
        barriers={barrier.pk: (ReportBack.Outcome.BUSTED, how)},
        now=now,
    )
    barrier.refresh_from_db()
    return barrier
