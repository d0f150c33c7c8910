"""Official kinds: every write that makes a group a council service, NHS or school.

The guarantee: `Organisation.kind` holds an official kind only when an officer set it (by
checking a request, or by making or changing the group themselves) or a staff import did.
Anyone else who picks an official kind gets a community group and a request in the officers'
queue; until an officer checks it, the group is a community group everywhere and grants
nothing a community group would not.
"""

from django.apps import apps
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify

from . import kinds
from .models import OFFICIAL_KINDS, KindRequest, Organisation

VERIFY_KINDS = "groups.verify_organisation"


def can_verify(user) -> bool:
    """Officers (and administrators) check official kinds."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(VERIFY_KINDS)
    )


def kind_apply(*, organisation: Organisation, kind: str, by) -> None:
    """Give a group the kind its organiser chose, or ask an officer to check it.

    Called by organisation_create and organisation_update inside their transaction; saves the
    group's kind fields and any request. An officer's choice stands at once.
    """
    kind = Organisation.Kind(kind)
    pending = KindRequest.objects.filter(
        organisation=organisation, status=KindRequest.Status.PENDING
    ).first()
    if kind not in OFFICIAL_KINDS or can_verify(by):
        if pending is not None:
            _close(pending, KindRequest.Status.WITHDRAWN, by=by)
        if kind != organisation.kind:
            organisation.kind = kind
            verified = kind in OFFICIAL_KINDS
            organisation.kind_verified_by = by if verified else None
            organisation.kind_verified_at = timezone.now() if verified else None
            organisation.save(
                update_fields=["kind", "kind_verified_by", "kind_verified_at", "updated_at"]
            )
            if verified:
                _audit(by, "group_kind_set", organisation, kind)
        return
    if kind == organisation.kind:
        return  # already checked as this kind
    if pending is not None:
        if pending.kind == kind:
            return
        _close(pending, KindRequest.Status.WITHDRAWN, by=by)
    # Asking for another official kind takes the group back to a community group meanwhile.
    if organisation.kind in OFFICIAL_KINDS or organisation.kind_verified_at is not None:
        organisation.kind = Organisation.Kind.COMMUNITY_GROUP
        organisation.kind_verified_by, organisation.kind_verified_at = None, None
        organisation.save(
            update_fields=["kind", "kind_verified_by", "kind_verified_at", "updated_at"]
        )
    KindRequest.objects.create(organisation=organisation, kind=kind, asked_by=by)


def _close(kind_request: KindRequest, status: str, *, by, reason: str = "") -> None:
    kind_request.status = status
    kind_request.decided_by, kind_request.decided_at = by, timezone.now()
    kind_request.reason = reason
    kind_request.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])


def _locked_pending(kind_request: KindRequest) -> KindRequest:
    kind_request = (
        KindRequest.objects.select_for_update(of=("self",))
        .select_related("organisation", "asked_by")
        .get(pk=kind_request.pk)
    )
    if kind_request.status != KindRequest.Status.PENDING:
        raise Refusal(_("Someone has already dealt with this request."))
    return kind_request


@transaction.atomic
def kind_request_verify(*, kind_request: KindRequest, by) -> Organisation:
    """An officer confirms the group is what it says. It is listed as that kind from now."""
    if not can_verify(by):
        raise NotAllowed(_("Only council officers can check the kind of a group."))
    kind_request = _locked_pending(kind_request)
    _close(kind_request, KindRequest.Status.VERIFIED, by=by)
    organisation = Organisation.objects.select_for_update().get(pk=kind_request.organisation_id)
    organisation.kind = kind_request.kind
    organisation.kind_verified_by, organisation.kind_verified_at = by, timezone.now()
    organisation.save(update_fields=["kind", "kind_verified_by", "kind_verified_at", "updated_at"])
    _audit(by, "group_verified", organisation, kind_request.kind)
    _tell(
        kind_request,
        _("%(group)s is now listed as %(kind)s")
        % {"group": organisation.name, "kind": organisation.get_kind_display()},
    )
    return organisation


@transaction.atomic
def kind_request_decline(*, kind_request: KindRequest, by, reason: str) -> KindRequest:
    """An officer says no, with a reason the organiser is told. The group stays a community
    group."""
    if not can_verify(by):
        raise NotAllowed(_("Only council officers can check the kind of a group."))
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Say why, so the group knows what to do."), field="reason")
    kind_request = _locked_pending(kind_request)
    _close(kind_request, KindRequest.Status.DECLINED, by=by, reason=reason)
    _audit(by, "group_verification_declined", kind_request.organisation, kind_request.kind)
    _tell(
        kind_request,
        _("%(group)s is not listed as %(kind)s")
        % {"group": kind_request.organisation.name, "kind": kind_request.get_kind_display()},
        body=reason,
    )
    return kind_request


def _tell(kind_request: KindRequest, title: str, body: str = "") -> None:
    asker = kind_request.asked_by
    if asker is None or not asker.is_active:
        return
    url = reverse("groups:detail", args=[kind_request.organisation.slug])
    notify(recipient=asker, kind=kinds.GROUP_KIND_CHECKED.slug, title=title, body=body, url=url)


def kind_set_by_import(*, organisation: Organisation, kind: str, source: str) -> None:
    """Give a group made by a staff import (the services directory) the kind its data says.

    Whoever runs an import has the server's keys, so the kind stands as checked; it is
    dated and logged, with the import named, like an officer's check."""
    kind = Organisation.Kind(kind)
    if kind == organisation.kind:
        return
    verified = kind in OFFICIAL_KINDS
    organisation.kind = kind
    organisation.kind_verified_by = None
    organisation.kind_verified_at = timezone.now() if verified else None
    organisation.save(update_fields=["kind", "kind_verified_by", "kind_verified_at", "updated_at"])
    if verified:
        _audit(None, "group_kind_set", organisation, kind, source=source)


def _audit(by, action: str, organisation: Organisation, kind: str, source: str = "") -> None:
    # The staff app keeps the audit log; until it is installed there is nowhere to write.
    if not apps.is_installed("coproduce.staff"):
        return
    from coproduce.staff.services import audit_record

    audit_record(
        actor=by,
        action=f"groups.{action}",
        target=f"Group {organisation.pk} ({organisation.name})",
        detail={"kind": kind, **({"source": source} if source else {})},
    )
