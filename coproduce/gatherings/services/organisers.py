"""Asking someone to help run an event (a co-organiser or facilitator), and their answer.

Nobody runs an event, sees who is coming or their access needs, unasked: they say yes first.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify

from .. import kinds, permissions
from ..models import Event, EventOrganiserInvitation
from .common import event_url


def _expiry(event: Event):
    """The invitation lapses after OWNER_INVITATION_DAYS, or when the event ends if sooner."""
    return min(timezone.now() + timedelta(days=settings.OWNER_INVITATION_DAYS), event.ends_at)


@transaction.atomic
def event_organiser_invite(*, event: Event, person, by) -> EventOrganiserInvitation:
    """Ask someone to co-organise or facilitate. They are not an organiser until they accept."""
    if not permissions.can_manage(by, event):
        raise Refusal(_("Only the event's organisers can add organisers."))
    if not person.is_active:
        raise Refusal(_("That account is not active."))
    if event.organisers.filter(pk=person.pk).exists():
        raise Refusal(_("They already help run this event."))
    now = timezone.now()
    waiting = EventOrganiserInvitation.objects.select_for_update().filter(
        event=event, person=person, status=EventOrganiserInvitation.Status.PENDING
    )
    waiting.filter(expires_at__lte=now).update(
        status=EventOrganiserInvitation.Status.EXPIRED, updated_at=now
    )
    if waiting.filter(expires_at__gt=now).exists():
        raise Refusal(_("You have already asked them. Wait for their answer."))
    invitation = EventOrganiserInvitation.objects.create(
        event=event, person=person, invited_by=by, expires_at=_expiry(event)
    )
    # rate limit: owner_invite
    notify(
        recipient=person,
        kind=kinds.EVENT_ORGANISER_INVITATION.slug,
        title=_("You are invited to help run %(event)s") % {"event": event.title},
        body=_("Open the link to say yes or no. Until you say yes, you do not help run it."),
        url=reverse("gatherings:organiser_invitation", args=[invitation.pk]),
    )
    return invitation


@transaction.atomic
def event_organiser_invitation_respond(
    *, user, invitation: EventOrganiserInvitation, accept: bool
) -> EventOrganiserInvitation:
    """The person asked says yes (and helps run the event) or no."""
    invitation = (
        EventOrganiserInvitation.objects.select_for_update(of=("self",))
        .select_related("event", "invited_by")
        .get(pk=invitation.pk)
    )
    if user.pk != invitation.person_id:
        raise NotAllowed(_("Only the person invited can reply."))
    if not invitation.is_open:
        raise Refusal(_("This invitation has expired, or was answered or withdrawn."))
    invitation.status = (
        EventOrganiserInvitation.Status.ACCEPTED
        if accept
        else EventOrganiserInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    if accept:
        invitation.event.organisers.add(user)
    if invitation.invited_by is not None and invitation.invited_by.is_active:
        title = (
            _("Your invitation to help run %(event)s was accepted")
            if accept
            else _("Your invitation to help run %(event)s was declined")
        )
        notify(
            recipient=invitation.invited_by,
            kind=kinds.EVENT_ORGANISER_INVITATION.slug,
            title=title % {"event": invitation.event.title},
            url=event_url(invitation.event),
        )
    return invitation


@transaction.atomic
def event_organiser_invitation_withdraw(
    *, user, invitation: EventOrganiserInvitation
) -> EventOrganiserInvitation:
    """An organiser takes back an invitation not yet answered."""
    invitation = (
        EventOrganiserInvitation.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=invitation.pk)
    )
    if not permissions.can_manage(user, invitation.event):
        raise NotAllowed(_("Only the event's organisers can withdraw an invitation."))
    if invitation.status != EventOrganiserInvitation.Status.PENDING:
        raise Refusal(_("Only invitations waiting for a reply can be withdrawn."))
    invitation.status = EventOrganiserInvitation.Status.WITHDRAWN
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    return invitation
