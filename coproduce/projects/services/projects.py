"""Every write to projects goes through here."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.places.models import Place, Ward

from .. import lifecycle
from ..models import Appreciation, Follow, Owner, Project, StatusChange
from ..permissions import can_give_council_role, can_moderate
from .common import notify_followers, require_manager


@transaction.atomic
def project_share(
    *,
    user,
    title: str,
    summary: str,
    theme: str,
    description: str = "",
    place: Place | None = None,
    ward: Ward | None = None,
) -> Project:
    """Share an idea. It has no owner until someone takes ownership; its author follows it."""
    project = Project(
        title=title.strip(),
        summary=summary.strip(),
        theme=theme,
        description=description.strip(),
        place=place,
        ward=ward or (place.ward if place is not None else None),
        created_by=user,
    )
    project.fill_location()
    project.full_clean()
    project.save()
    StatusChange.objects.create(project=project, to_status=project.status, changed_by=user)
    Follow.objects.create(project=project, user=user)
    return project


@transaction.atomic
def project_take_ownership(*, user, project: Project) -> Project:
    """Someone takes on an idea: they become its lead and it starts forming."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.owners.exists():
        raise Refusal(_("This project already has owners. Ask them to add you."))
    Owner.objects.create(project=project, user=user, role=Owner.Role.LEAD)
    Follow.objects.get_or_create(project=project, user=user)
    return _move(project, to=lifecycle.Status.FORMING, by=user, note=_("someone took it on"))


@transaction.atomic
def project_change_status(
    *, user, project: Project, to: str, note: str = "", outcome: str = ""
) -> Project:
    """Move a project on in its life cycle; followers are told."""
    require_manager(user, project)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if to == lifecycle.Status.COMPLETED and not outcome.strip():
        raise Refusal(_("Say what came of the project before marking it completed."))
    if outcome.strip():
        project.outcome = outcome.strip()
    return _move(project, to=lifecycle.Status(to), by=user, note=note)


def _move(project: Project, *, to: lifecycle.Status, by, note: str = "") -> Project:
    try:
        lifecycle.check(project.status, to, has_owner=project.owners.exists())
    except lifecycle.TransitionError as error:
        raise Refusal(str(error)) from None
    before = project.status
    project.status = to.value
    project.save(update_fields=["status", "outcome", "updated_at"])
    StatusChange.objects.create(
        project=project, from_status=before, to_status=to.value, changed_by=by, note=note[:500]
    )
    notify_followers(
        project,
        title=_("%(title)s is now %(status)s")
        % {"title": project.title, "status": project.get_status_display().lower()},
        body=project.outcome if to is lifecycle.Status.COMPLETED else note,
        skip=by,
    )
    return project


@transaction.atomic
def project_update_details(
    *,
    user,
    project: Project,
    title: str,
    summary: str,
    theme: str,
    description: str,
    place: Place | None,
    ward: Ward | None,
) -> Project:
    require_manager(user, project)
    project.title, project.summary = title.strip(), summary.strip()
    project.theme, project.description = theme, description.strip()
    project.place, project.ward = place, ward or (place.ward if place is not None else None)
    project.fill_location()
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def project_set_parameters(
    *,
    user,
    project: Project,
    fixed_budget: str,
    fixed_dates: str,
    fixed_rules: str,
    open_to_shape: str,
    how_to_help: str,
    publish: bool,
) -> Project:
    """Set what is fixed and what is open. Once published they show first on the page."""
    require_manager(user, project)
    project.fixed_budget, project.fixed_dates = fixed_budget.strip(), fixed_dates.strip()
    project.fixed_rules, project.open_to_shape = fixed_rules.strip(), open_to_shape.strip()
    project.how_to_help = how_to_help.strip()
    if publish and not (project.open_to_shape or project.how_to_help):
        raise Refusal(_("Say what people can shape or how they can help before publishing."))
    if publish and project.parameters_published_at is None:
        project.parameters_published_at = timezone.now()
    project.save()
    return project


@transaction.atomic
def project_owner_add(*, user, project: Project, role: str, organisation: Organisation) -> Owner:
    """Add a group that `user` organises as an owner. People are asked, never added: see
    invitations.project_owner_invite. Only officers give the council role."""
    require_manager(user, project)
    officer = can_give_council_role(user)
    if role == Owner.Role.COUNCIL and not officer:
        raise NotAllowed(_("Only council officers can give the council owner role."))
    if not Membership.objects.filter(
        organisation=organisation, user=user, role=Membership.Role.ORGANISER
    ).exists():
        raise NotAllowed(_("You can only add a group you organise."))
    try:
        with transaction.atomic():
            owner = Owner.objects.create(
                project=project, organisation=organisation, role=role, role_by_officer=officer
            )
    except IntegrityError:
        raise Refusal(_("They are already an owner of this project.")) from None
    return owner


@transaction.atomic
def project_owner_remove(*, user, owner: Owner) -> None:
    project = Project.objects.select_for_update().get(pk=owner.project_id)
    require_manager(user, project)
    if project.owners.count() == 1 and project.status != lifecycle.Status.ARCHIVED:
        raise Refusal(_("A project needs at least one owner. Add another first."))
    owner.delete()


@transaction.atomic
def project_appreciate(*, user, project: Project) -> int:
    """Appreciate a project once. Returns the new count."""
    if project.is_hidden:
        raise Refusal(_("This project cannot be appreciated."))
    try:
        with transaction.atomic():
            Appreciation.objects.create(project=project, user=user)
    except IntegrityError:
        raise Refusal(_("You have already appreciated this.")) from None
    Project.objects.filter(pk=project.pk).update(appreciation_count=F("appreciation_count") + 1)
    return Project.objects.values_list("appreciation_count", flat=True).get(pk=project.pk)


@transaction.atomic
def project_appreciation_withdraw(*, user, project: Project) -> None:
    deleted, _rows = Appreciation.objects.filter(project=project, user=user).delete()
    if deleted:
        Project.objects.filter(pk=project.pk).update(appreciation_count=F("appreciation_count") - 1)


@transaction.atomic
def project_follow(*, user, project: Project) -> None:
    Follow.objects.get_or_create(project=project, user=user)


@transaction.atomic
def project_unfollow(*, user, project: Project) -> None:
    Follow.objects.filter(project=project, user=user).delete()


@transaction.atomic
def owner_contact_consent(*, owner: Owner, share: bool) -> Owner:
    """Only the owner themself decides whether their email goes in the project pack."""
    owner.share_contact = share
    owner.save(update_fields=["share_contact", "updated_at"])
    return owner


@transaction.atomic
def project_hidden_set(*, moderator, project: Project, hidden: bool) -> Project:
    """Hide a project from everyone but those permissions.can_see lets in, or show it again.

    The only writer of Project.is_hidden. Moderation (the reason, the log, the reports and
    telling people) is discussion's, which calls this."""
    if not can_moderate(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    # Only the flag changes: an update() so nothing else on the row is written.
    Project.objects.filter(pk=project.pk).update(is_hidden=hidden, updated_at=timezone.now())
    project.is_hidden = hidden
    return project
