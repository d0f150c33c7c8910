"""Every write to buddying goes through here.

The guarantee: a pairing that involves children or adults at risk is never active unless a
coordinator approved it while the volunteer held a check that had not expired. Who may see
a request, and offer for it, is decided in safeguarding.py alone.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for
from coproduce.staff.services import audit_record

from . import permissions, safeguarding
from .models import BuddyRequest, Pairing, VolunteerCheck


def _tell(person, title: str) -> None:
    notify(recipient=person, kind="buddying", title=title, url=reverse("timebank:buddying"))


@transaction.atomic
def buddy_request_create(
    *, resident, what_support: str, involves_children: bool, involves_adults_at_risk: bool
) -> BuddyRequest:
    if not what_support.strip():
        raise Refusal(_("Say what support would help."))
    return BuddyRequest.objects.create(
        resident=resident,
        what_support=what_support.strip(),
        involves_children=involves_children,
        involves_adults_at_risk=involves_adults_at_risk,
    )


@transaction.atomic
def pairing_offer(*, volunteer, request: BuddyRequest) -> Pairing:
    """A volunteer offers to buddy. Safeguarding pairs wait for a coordinator; others start."""
    request = BuddyRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != BuddyRequest.Status.OPEN:
        raise Refusal(_("This request already has a buddy."))
    if request.resident_id == volunteer.pk:
        raise Refusal(_("You cannot buddy yourself."))
    if not safeguarding.may_offer(volunteer, request):
        if request.needs_safeguarding:
            raise NotAllowed(
                _("This request needs a volunteer with a current enhanced safeguarding check.")
            )
        raise NotAllowed(_("Offering to buddy needs a current check. Ask a coordinator."))
    status = (
        Pairing.Status.AWAITING_APPROVAL if request.needs_safeguarding else Pairing.Status.ACTIVE
    )
    try:
        with transaction.atomic():
            pairing = Pairing.objects.create(request=request, volunteer=volunteer, status=status)
    except IntegrityError:
        raise Refusal(_("This request already has a buddy.")) from None
    request.status = BuddyRequest.Status.PAIRED
    request.save(update_fields=["status", "updated_at"])
    if status == Pairing.Status.ACTIVE:
        name = name_for(volunteer, request.resident)
        _tell(request.resident, _("%(name)s will be your buddy") % {"name": name})
        _tell(volunteer, _("You are now a buddy"))
    else:
        _tell(
            request.resident, _("A volunteer offered to be your buddy. A coordinator will check.")
        )
        _tell(volunteer, _("Thank you. A coordinator will check your offer to buddy."))
    return pairing


def _locked(pairing: Pairing) -> Pairing:
    return (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("request__resident__profile", "volunteer__profile")
        .get(pk=pairing.pk)
    )


@transaction.atomic
def pairing_approve(*, actor, pairing: Pairing) -> Pairing:
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only coordinators can approve pairings."))
    pairing = _locked(pairing)
    if pairing.status != Pairing.Status.AWAITING_APPROVAL:
        raise Refusal(_("This pairing is not waiting for approval."))
    if not safeguarding.may_offer(pairing.volunteer, pairing.request):
        raise Refusal(_("The volunteer has no current safeguarding check. Record one first."))
    pairing.status = Pairing.Status.ACTIVE
    pairing.approved_by, pairing.approved_at = actor, timezone.now()
    pairing.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    _tell(pairing.request.resident, _("Your buddy pairing is approved"))
    _tell(pairing.volunteer, _("Your buddy pairing is approved"))
    audit_record(actor=actor, action="buddying.pairing_approved", target=f"pairing {pairing.pk}")
    return pairing


@transaction.atomic
def pairing_refuse(*, actor, pairing: Pairing, reason: str = "") -> Pairing:
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only coordinators can refuse pairings."))
    pairing = _locked(pairing)
    if pairing.status != Pairing.Status.AWAITING_APPROVAL:
        raise Refusal(_("This pairing is not waiting for approval."))
    pairing.status = Pairing.Status.REFUSED
    pairing.ended_by, pairing.ended_at, pairing.end_reason = actor, timezone.now(), reason.strip()
    pairing.save(update_fields=["status", "ended_by", "ended_at", "end_reason", "updated_at"])
    BuddyRequest.objects.filter(pk=pairing.request_id).update(status=BuddyRequest.Status.OPEN)
    _tell(
        pairing.request.resident, _("A buddy pairing was not approved. Your request is open again.")
    )
    _tell(pairing.volunteer, _("Your offer to buddy was not approved"))
    return pairing


@transaction.atomic
def pairing_end(*, actor, pairing: Pairing, reason: str = "") -> Pairing:
    """Either side (or a coordinator) ends a pairing. Both sides are told."""
    pairing = _locked(pairing)
    sides = {pairing.volunteer_id, pairing.request.resident_id}
    if actor.pk not in sides and not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only the people in a pairing can end it."))
    if pairing.status not in (Pairing.Status.ACTIVE, Pairing.Status.AWAITING_APPROVAL):
        raise Refusal(_("This pairing has already ended."))
    pairing.status = Pairing.Status.ENDED
    pairing.ended_by, pairing.ended_at, pairing.end_reason = actor, timezone.now(), reason.strip()
    pairing.save(update_fields=["status", "ended_by", "ended_at", "end_reason", "updated_at"])
    BuddyRequest.objects.filter(pk=pairing.request_id).update(status=BuddyRequest.Status.CLOSED)
    title = _("Your buddy pairing has ended")
    _tell(pairing.request.resident, title)
    _tell(pairing.volunteer, title)
    return pairing


@transaction.atomic
def volunteer_check_record(
    *, actor, email: str, kind: str, checked_on: date, expires_on: date
) -> VolunteerCheck:
    if not permissions.is_coordinator(actor):
        raise NotAllowed(_("Only coordinators can record checks."))
    if expires_on <= checked_on:
        raise Refusal(_("The expiry date must be after the date checked."))
    if kind not in VolunteerCheck.Kind.values:
        raise Refusal(_("Choose the kind of check."))
    person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise Refusal(_("Nobody has signed up with that email address."))
    return VolunteerCheck.objects.create(
        person=person, kind=kind, checked_on=checked_on, expires_on=expires_on, recorded_by=actor
    )
