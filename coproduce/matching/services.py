"""Every write to needs and invitations goes through here."""

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.notifications.services import notify
from coproduce.people.models import Day, TimeOfDay
from coproduce.places.models import Ward
from coproduce.skills.models import Skill

from . import kinds, selectors
from .models import Invitation, Need
from .permissions import may_ask

MAX_SKILLS = 10


class MatchingRefusal(Exception):
    """A write that the rules do not allow; the message says why, for the person."""


def _ordered(values: Iterable[str], choices) -> list[str]:
    allowed = [value for value, _label in choices]
    chosen = set(values)
    unknown = chosen - set(allowed)
    if unknown:
        raise MatchingRefusal(_("Choose days and times from the list."))
    return [value for value in allowed if value in chosen]


@transaction.atomic
def need_create(
    *,
    created_by,
    title: str,
    skills: Iterable[Skill],
    description: str = "",
    days: Iterable[str] = (),
    times: Iterable[str] = (),
    ward: Ward | None = None,
    online_ok: bool = False,
    needs_step_free: bool = False,
) -> Need:
    """Record a need. It has at least one skill and at most MAX_SKILLS; days and times valid."""
    skills = list(skills)
    if not title.strip():
        raise MatchingRefusal(_("Say what is needed."))
    if not skills:
        raise MatchingRefusal(_("Choose at least one skill."))
    if len(skills) > MAX_SKILLS:
        raise MatchingRefusal(_("Choose %(max)d skills or fewer.") % {"max": MAX_SKILLS})
    need = Need.objects.create(
        created_by=created_by,
        title=title.strip(),
        description=description.strip(),
        days=_ordered(days, Day.choices),
        times=_ordered(times, TimeOfDay.choices),
        ward=ward,
        online_ok=online_ok,
        needs_step_free=needs_step_free,
    )
    need.skills.set(skills)
    return need


@transaction.atomic
def need_close(*, need: Need, user) -> Need:
    """Close a need: no more invitations can be sent or accepted. Only its asker may."""
    if not may_ask(user, need):
        raise MatchingRefusal(_("Only the person who asked can close this."))
    if need.status != Need.Status.CLOSED:
        need.status = Need.Status.CLOSED
        need.save(update_fields=["status", "updated_at"])
    return need


@transaction.atomic
def invitation_send(*, need: Need, person, invited_by, message: str = "") -> Invitation:
    """Invite a person to help, through the service, and tell them.

    Only the asker may invite, only while the need is open, and only someone listed for
    them for this need (open to invitations, visible, available). Sending again after a
    withdrawal sends it anew; anything else already sent is refused.
    """
    if not may_ask(invited_by, need):
        raise MatchingRefusal(_("Only the person who asked can invite people."))
    if need.status != Need.Status.OPEN:
        raise MatchingRefusal(_("This need is closed, so no one can be invited."))
    existing = Invitation.objects.select_for_update().filter(need=need, person=person).first()
    if existing is not None and existing.status != Invitation.Status.WITHDRAWN:
        raise MatchingRefusal(_("You have already invited this person."))
    if not selectors.is_candidate(need, invited_by, person):
        raise MatchingRefusal(_("This person cannot be invited for this need."))
    if existing is None:
        invitation = Invitation.objects.create(
            need=need, person=person, invited_by=invited_by, message=message.strip()
        )
    else:
        invitation = existing
        invitation.status = Invitation.Status.SENT
        invitation.message = message.strip()
        invitation.responded_at = None
        invitation.save(update_fields=["status", "message", "responded_at", "updated_at"])
    notify(
        recipient=person,
        kind=kinds.INVITATION.slug,
        title=_("%(name)s invites you to help: %(need)s")
        % {"name": invited_by.display_name or _("Someone"), "need": need.title},
        body=message.strip(),
        url=reverse("matching:invitation_detail", args=[invitation.pk]),
    )
    return invitation


@transaction.atomic
def invitation_respond(*, invitation: Invitation, user, accept: bool) -> Invitation:
    """The invited person accepts or declines. Accepting shares their email with the asker."""
    invitation = Invitation.objects.select_for_update().select_related("need").get(pk=invitation.pk)
    if user.pk != invitation.person_id:
        raise MatchingRefusal(_("Only the person invited can reply."))
    if invitation.status != Invitation.Status.SENT:
        raise MatchingRefusal(_("This invitation has already been answered or withdrawn."))
    if accept and invitation.need.status != Need.Status.OPEN:
        raise MatchingRefusal(_("This need has closed, so the invitation cannot be accepted."))
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    name = user.display_name or _("Someone")
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
        raise MatchingRefusal(_("Only the person who sent the invitation can withdraw it."))
    if invitation.status != Invitation.Status.SENT:
        raise MatchingRefusal(_("Only invitations waiting for a reply can be withdrawn."))
    invitation.status = Invitation.Status.WITHDRAWN
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at", "updated_at"])
    return invitation


def need_skills_merge(source, target) -> None:
    """When an officer merges two skills, needs asking for the old one ask for the new one.

    Called by skills.services.skill_merge inside its transaction."""
    for need in Need.objects.filter(skills=source):
        need.skills.remove(source)
        need.skills.add(target)
