"""Every write to invitations goes through here. Needs are written by projects.services."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for
from coproduce.projects.models import Need

from . import kinds, permissions, selectors
from .models import Invitation


@transaction.atomic
def invitation_send(*, need: Need, person, invited_by, message: str = "") -> Invitation:
    """Invite a person to help, through the service, and tell them.

    Only someone permissions.can_see_candidates lets see people for this need may invite,
    within their daily allowance, only while the need is open, and only someone listed for
    them for this need (open to invitations, visible, available). Sending again after a
    withdrawal sends it anew; anything else already sent is refused. The person is told once
    for each need within MATCHING_REINVITE_QUIET_PERIOD: sending again after a withdrawal in
    that time reopens the invitation without a second email.
    """
    if not permissions.can_see_candidates(invited_by, need):
        raise NotAllowed(_("You cannot invite people for this need."))
    if not permissions.can_invite(invited_by, need):
        raise Refusal(_("You have sent as many invitations as you can today. Try tomorrow."))
    if need.status != Need.Status.OPEN:
        raise Refusal(_("This need is closed, so no one can be invited."))
    existing = Invitation.objects.select_for_update().filter(need=need, person=person).first()
    if existing is not None and existing.status != Invitation.Status.WITHDRAWN:
        raise Refusal(_("You have already invited this person."))
    if not selectors.is_candidate(need, invited_by, person):
        raise Refusal(_("This person cannot be invited for this need."))
    if existing is None:
        invitation = Invitation.objects.create(
            need=need,
            person=person,
            invited_by=invited_by,
            message=message.strip(),
            sent_at=timezone.now(),
        )
    else:
        invitation = existing
        invitation.status = Invitation.Status.SENT
        invitation.message = message.strip()
        invitation.responded_at = None
        invitation.invited_by = invited_by
        invitation.sent_at = timezone.now()  # counts again in the daily allowance
        invitation.save(
            update_fields=[
                "status",
                "message",
                "responded_at",
                "invited_by",
                "sent_at",
                "updated_at",
            ]
        )
    quiet = settings.MATCHING_REINVITE_QUIET_PERIOD
    if limits.once(f"invitation:{need.pk}:{person.pk}", period=quiet):
        notify(
            recipient=person,
            kind=kinds.INVITATION.slug,
            title=_("%(name)s invites you to help: %(need)s")
            % {"name": name_for(invited_by, person), "need": need.title},
            body=message.strip(),
            url=reverse("matching:invitation_detail", args=[invitation.pk]),
        )
    return invitation


@transaction.atomic
def invitation_respond(*, invitation: Invitation, user, accept: bool) -> Invitation:
    """The invited person accepts or declines. Accepting shares their email with the asker."""
    invitation = Invitation.objects.select_for_update().select_related("need").get(pk=invitation.pk)
    if user.pk != invitation.person_id:
        raise Refusal(_("Only the person invited can reply."))
    if invitation.status != Invitation.Status.SENT:
        raise Refusal(_("This invitation has already been answered or withdrawn."))
    if accept and invitation.need.status != Need.Status.OPEN:
        raise Refusal(_("This need has closed, so the invitation cannot be accepted."))
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    name = name_for(user, invitation.invited_by)
    title = (
        _("%(name)s accepted your invitation: %(need)s")
        if accept
        else _("%(name)s declined your invitation: %(need)s")
    )
    notify(
        recipient=invitation.invited_by,
        kind=kinds.INVITATION.slug,
        title=title % {"name": name, "need": invitation.need.title},
        url=reverse("matching:invitation_detail", args=[invitation.pk]),
    )
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, user) -> Invitation:
    """The asker takes back an invitation not yet answered."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if user.pk != invitation.invited_by_id:
        raise Refusal(_("Only the person who sent the invitation can withdraw it."))
    if invitation.status != Invitation.Status.SENT:
        raise Refusal(_("Only invitations waiting for a reply can be withdrawn."))
    invitation.status = Invitation.Status.WITHDRAWN
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    return invitation
