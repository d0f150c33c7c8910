"""Writes for what people bring to a project, what it has and its news."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.skills.models import Skill

from ..kinds import OFFER_ANSWERS, PROJECT_UPDATES
from ..lifecycle import OPEN_TO_JOIN
from ..models import HELPING, Contribution, Follow, Need, Project, Resource, Update, VolunteerRole
from .common import notify_followers, require_manager


def _tell(person, project: Project, title: str, body: str = "") -> None:
    url = reverse("projects:detail", args=[project.pk])
    notify(recipient=person, kind=PROJECT_UPDATES.slug, title=title, body=body, url=url)


def _tell_owners(project: Project, title: str, body: str = "", skip=None) -> None:
    for owner in project.owners.select_related("user"):
        if owner.user is not None and owner.user != skip and owner.user.is_active:
            _tell(owner.user, project, title, body)


def _require_open(project: Project) -> None:
    if project.is_hidden or project.status not in OPEN_TO_JOIN:
        raise Refusal(_("This project is not taking offers or volunteers at the moment."))
    if not project.parameters_published:
        raise Refusal(
            _("The owners have not yet said what is fixed and what is open. Try again later.")
        )


@transaction.atomic
def contribution_make(
    *,
    user,
    project: Project,
    kind: str,
    message: str,
    offering: str = "",
    need: Need | None = None,
    role: VolunteerRole | None = None,
    proposal: Contribution | None = None,
    skill: Skill | None = None,
    hours: int | None = None,
    due_on: datetime.date | None = None,
) -> Contribution:
    """Offer something, propose an action or volunteer. The owners decide; they are told."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _require_open(project)
    if need is not None and need.project_id != project.pk:
        raise Refusal(_("That need belongs to another project."))
    if role is not None and role.project_id != project.pk:
        raise Refusal(_("That role belongs to another project."))
    if proposal is not None and (
        proposal.project_id != project.pk or proposal.kind != Contribution.Kind.PROPOSAL
    ):
        raise Refusal(_("That is not a proposed action of this project."))
    if kind == Contribution.Kind.PROPOSAL and (due_on is None or due_on < timezone.localdate()):
        raise Refusal(_("Say by when you will do it, with a date from today on."))
    pending = Contribution.objects.filter(
        project=project,
        person=user,
        kind=kind,
        status=Contribution.Status.PENDING,
        need=need,
        role=role,
    )
    if kind != Contribution.Kind.PROPOSAL and pending.exists():
        raise Refusal(_("You have already offered this. The owners will reply."))
    contribution = Contribution.objects.create(
        project=project,
        person=user,
        kind=kind,
        offering=offering,
        need=need,
        role=role,
        proposal=proposal,
        skill=skill,
        hours=hours,
        due_on=due_on,
        message=message.strip(),
    )
    Follow.objects.get_or_create(project=project, user=user)
    _tell_owners(
        project,
        _("%(name)s: %(kind)s") % {"name": project.title, "kind": contribution.get_kind_display()},
        body=contribution.message,
        skip=user,
    )
    return contribution


@transaction.atomic
def contribution_decide(
    *, user, contribution: Contribution, accept: bool, note: str = ""
) -> Contribution:
    """Owners accept or decline; the person is told either way."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    require_manager(user, contribution.project)
    if contribution.status != Contribution.Status.PENDING:
        raise Refusal(_("This has already been answered."))
    if accept and contribution.role is not None:
        taken = contribution.role.volunteers.filter(status__in=HELPING).count()
        if taken >= contribution.role.places:
            raise Refusal(_("All the places for this role are taken."))
    contribution.status = Contribution.Status.ACCEPTED if accept else Contribution.Status.DECLINED
    contribution.decided_by, contribution.decided_at = user, timezone.now()
    contribution.decision_note = note.strip()[:500]
    contribution.save()
    _tell_decision(contribution, accept)
    return contribution


def _tell_decision(contribution: Contribution, accept: bool) -> None:
    """Tell the person the answer straight away; when accepted, what happens next."""
    person, project = contribution.person, contribution.project
    if not person.is_active:
        return
    kind = contribution.get_kind_display().lower()
    if accept:
        title = _("%(name)s: your %(kind)s was accepted") % {"name": project.title, "kind": kind}
        body = contribution.next_step
        url = reverse("messaging:new", args=["project", project.pk])
    else:
        title = _("%(name)s: your %(kind)s was declined") % {"name": project.title, "kind": kind}
        body = ""
        url = reverse("projects:detail", args=[project.pk])
    if contribution.decision_note:
        body = (body + "\n\n" if body else "") + _("The owners said: %(note)s") % {
            "note": contribution.decision_note
        }
    notify(recipient=person, kind=OFFER_ANSWERS.slug, title=title, body=body, url=url)


@transaction.atomic
def contribution_withdraw(*, user, contribution: Contribution) -> None:
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.person_id != user.pk:
        raise NotAllowed(_("Only the person who made it can withdraw it."))
    if contribution.status not in {Contribution.Status.PENDING, Contribution.Status.ACCEPTED}:
        raise Refusal(_("This can no longer be withdrawn."))
    contribution.status = Contribution.Status.WITHDRAWN
    contribution.save(update_fields=["status", "updated_at"])


@transaction.atomic
def volunteer_role_add(
    *, user, project: Project, title: str, description: str = "", places: int = 1
) -> VolunteerRole:
    require_manager(user, project)
    if places < 1:
        raise Refusal(_("A role needs at least one place."))
    return VolunteerRole.objects.create(
        project=project, title=title.strip(), description=description.strip(), places=places
    )


@transaction.atomic
def resource_add(*, user, project: Project, title: str, description: str = "") -> Resource:
    require_manager(user, project)
    return Resource.objects.create(
        project=project, title=title.strip(), description=description.strip()
    )


@transaction.atomic
def update_post(*, user, project: Project, title: str, body: str) -> Update:
    """Owners post news; every follower (but the author) is told."""
    require_manager(user, project)
    update = Update.objects.create(
        project=project, author=user, title=title.strip(), body=body.strip()
    )
    notify_followers(project, title=f"{project.title}: {update.title}", body=update.body, skip=user)
    return update
