"""Asking someone to own a project, and their answer. Nobody becomes an owner unasked."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify

from ..kinds import OWNER_INVITATIONS, PROJECT_UPDATES
from ..models import Follow, Owner, OwnerInvitation, Project
from ..permissions import can_give_council_role
from .common import require_manager


def _require_role_allowed(user, role: str) -> None:
    if role == Owner.Role.COUNCIL and not can_give_council_role(user):
        raise NotAllowed(_("Only council officers can give the council owner role."))


@transaction.atomic
def project_owner_invite(
    *, user, project: Project, email: str, role: str
) -> OwnerInvitation | None:
    """Ask the person with this email address to become an owner.

    Guarantees: nobody is made an owner here; the answer is the same whether or not the
    address has an account (only an account holder is emailed, and someone who already owns
    the project or was already asked is not asked again); only officers give the council
    role."""
    require_manager(user, project)
    _require_role_allowed(user, role)
    if role not in Owner.Role.values:
        raise Refusal(_("Choose their role."))
    email = email.strip().lower()
    now = timezone.now()
    waiting = OwnerInvitation.objects.select_for_update().filter(
        project=project, email=email, status=OwnerInvitation.Status.PENDING
    )
    waiting.filter(expires_at__lte=now).update(
        status=OwnerInvitation.Status.EXPIRED, updated_at=now
    )
    if waiting.filter(expires_at__gt=now).exists():
        return None  # already asked: not asked again
    person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if person is not None and project.owners.filter(user=person).exists():
        return None
    invitation = OwnerInvitation.objects.create(
        project=project,
        email=email,
        person=person,
        role=role,
        invited_by=user,
        by_officer=can_give_council_role(user),
        expires_at=now + timedelta(days=settings.OWNER_INVITATION_DAYS),
    )
    if person is not None:
        # rate limit: owner_invite
        notify(
            recipient=person,
            kind=OWNER_INVITATIONS.slug,
            title=_("You are invited to be an owner of %(project)s") % {"project": project.title},
            body=_("Open the link to say yes or no. Until you say yes, you are not an owner."),
            url=reverse("projects:owner_invitation", args=[invitation.pk]),
        )
    return invitation


@transaction.atomic
def owner_invitation_respond(*, user, invitation: OwnerInvitation, accept: bool) -> Owner | None:
    """The person asked says yes (and becomes an owner and a follower) or no."""
    invitation = OwnerInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.person_id is None or user.pk != invitation.person_id:
        raise NotAllowed(_("Only the person invited can reply."))
    if not invitation.is_open:
        raise Refusal(_("This invitation has expired, or was answered or withdrawn."))
    invitation.status = (
        OwnerInvitation.Status.ACCEPTED if accept else OwnerInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    owner = None
    if accept:
        try:
            with transaction.atomic():
                owner = Owner.objects.create(
                    project=invitation.project,
                    user=user,
                    role=invitation.role,
                    role_by_officer=invitation.by_officer,
                )
        except IntegrityError:
            raise Refusal(_("You are already an owner of this project.")) from None
        Follow.objects.get_or_create(project=invitation.project, user=user)
    if invitation.invited_by is not None and invitation.invited_by.is_active:
        title = (
            _("Your invitation to own %(project)s was accepted")
            if accept
            else _("Your invitation to own %(project)s was declined")
        )
        notify(
            recipient=invitation.invited_by,
            kind=PROJECT_UPDATES.slug,
            title=title % {"project": invitation.project.title},
            url=reverse("projects:owners", args=[invitation.project_id]),
        )
    return owner


@transaction.atomic
def owner_invitation_withdraw(*, user, invitation: OwnerInvitation) -> OwnerInvitation:
    """Someone who manages the project takes back an invitation not yet answered."""
    invitation = OwnerInvitation.objects.select_for_update().get(pk=invitation.pk)
    require_manager(user, invitation.project)
    if invitation.status != OwnerInvitation.Status.PENDING:
        raise Refusal(_("Only invitations waiting for a reply can be withdrawn."))
    invitation.status = OwnerInvitation.Status.WITHDRAWN
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    return invitation


@transaction.atomic
def owner_invitations_claim(*, user, email: str) -> int:
    """Give a newly confirmed address's account the invitations sent to it before it had one.

    Until then nobody could answer them (the person who asked was told nothing either way).
    Expired, answered and withdrawn ones stay as they are. Returns how many were given."""
    now = timezone.now()
    waiting = list(
        OwnerInvitation.objects.select_for_update()
        .select_related("project")
        .filter(
            email__iexact=email,
            person__isnull=True,
            status=OwnerInvitation.Status.PENDING,
            expires_at__gt=now,
        )
    )
    given = 0
    for invitation in waiting:
        if invitation.project.owners.filter(user=user).exists():
            continue
        given += 1
        invitation.person = user
        invitation.save(update_fields=["person", "updated_at"])
        # Told once per invitation, only to the person themselves, when they confirm.
        notify(
            recipient=user,
            kind=OWNER_INVITATIONS.slug,
            title=_("You are invited to be an owner of %(project)s")
            % {"project": invitation.project.title},
            body=_("Open the link to say yes or no. Until you say yes, you are not an owner."),
            url=reverse("projects:owner_invitation", args=[invitation.pk]),
        )
    return given
