"""Asking someone to help organise a group: every write of organiser invitations.

The guarantee: nobody becomes an organiser of a group because someone else said so. An
organiser (or officer) asks; the person is told; only their own yes makes them an organiser.
The answer to the one who asks is the same whether or not the address has an account.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify

from . import kinds, permissions
from .models import Membership, Organisation, OrganiserInvitation

# After someone says no, the group cannot ask them again for this long.
ASK_AGAIN_AFTER = timedelta(days=30)


@transaction.atomic
def organiser_invite(*, organisation: Organisation, by, email: str) -> None:
    """Ask the person with this address to help organise the group.

    Returns nothing on purpose: an unknown address, someone already asked or already an
    organiser, and someone who said no lately all look the same to the one who asks.
    """
    if not permissions.can_change(by, organisation):
        raise NotAllowed(_("Only the group's organisers can ask someone to help organise it."))
    invitee = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if invitee is not None:
        _invite(organisation=organisation, invitee=invitee, by=by)


def organiser_invite_member(*, membership: Membership, by) -> None:
    """Ask a member of the group to become one of its organisers."""
    if not permissions.can_change(by, membership.organisation):
        raise NotAllowed(_("Only the group's organisers can change who organises it."))
    _invite(organisation=membership.organisation, invitee=membership.user, by=by)


def _invite(*, organisation: Organisation, invitee, by) -> None:
    if invitee.pk == by.pk:
        return
    if Membership.objects.filter(
        organisation=organisation, user=invitee, role=Membership.Role.ORGANISER
    ).exists():
        return
    asked_lately = Q(status=OrganiserInvitation.Status.PENDING) | Q(
        status=OrganiserInvitation.Status.DECLINED,
        answered_at__gt=timezone.now() - ASK_AGAIN_AFTER,
    )
    if OrganiserInvitation.objects.filter(
        asked_lately, organisation=organisation, invitee=invitee
    ).exists():
        return
    try:
        with transaction.atomic():
            invitation = OrganiserInvitation.objects.create(
                organisation=organisation, invitee=invitee, invited_by=by
            )
    except IntegrityError:
        return  # asked twice at once; the other request asked
    notify(
        recipient=invitee,
        kind=kinds.GROUP_ORGANISER_INVITED.slug,
        title=_("You are asked to help organise %(group)s") % {"group": organisation.name},
        body=_("Nobody will see you as an organiser unless you say yes."),
        url=reverse("groups:invitation", args=[invitation.pk]),
    )


def _locked_pending(invitation: OrganiserInvitation, user) -> OrganiserInvitation:
    invitation = (
        OrganiserInvitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=invitation.pk)
    )
    if user is None or invitation.invitee_id != user.pk:
        raise NotAllowed(_("This invitation is for someone else."))
    if invitation.status != OrganiserInvitation.Status.PENDING:
        raise Refusal(_("You have already answered this invitation."))
    return invitation


@transaction.atomic
def organiser_invitation_accept(*, invitation: OrganiserInvitation, user) -> Membership:
    """Say yes: the person becomes an organiser (joining the group if they were not in it)."""
    invitation = _locked_pending(invitation, user)
    invitation.status, invitation.answered_at = OrganiserInvitation.Status.ACCEPTED, timezone.now()
    invitation.save(update_fields=["status", "answered_at", "updated_at"])
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation,
        user=user,
        defaults={"role": Membership.Role.ORGANISER},
    )
    if not created and membership.role != Membership.Role.ORGANISER:
        membership.role = Membership.Role.ORGANISER
        membership.save(update_fields=["role", "updated_at"])
    return membership


@transaction.atomic
def organiser_invitation_decline(*, invitation: OrganiserInvitation, user) -> None:
    """Say no. Nothing changes, and the group cannot ask again for a while."""
    invitation = _locked_pending(invitation, user)
    invitation.status, invitation.answered_at = OrganiserInvitation.Status.DECLINED, timezone.now()
    invitation.save(update_fields=["status", "answered_at", "updated_at"])
