"""The acting log: one row per thing done for an offline resident. Append-only."""

from django.db import models
from django.utils import timezone

from coproduce.staff.services import audit_record

from ..models import Act, OfflineResident


def target_of(thing: models.Model | None) -> str:
    """How the log names the row an act made or changed: "gatherings.rsvp:12"."""
    if thing is None:
        return ""
    return f"{thing._meta.label_lower}:{thing.pk}"


def act_record(
    *,
    resident: OfflineResident,
    by,
    kind: str,
    summary: str = "",
    thing: models.Model | None = None,
) -> Act:
    """Write one entry in the log (inside the caller's transaction), and in the audit log."""
    signed_in = by is not None and getattr(by, "is_authenticated", False)
    act = Act.objects.create(
        resident=resident,
        for_user_id=resident.user_id,
        by=by if signed_in else None,
        kind=kind,
        summary=summary[:300],
        target=target_of(thing),
        at=timezone.now(),
    )
    audit_record(
        actor=by,
        action=f"offline.{kind}",
        target=f"person {resident.user_id}",
        detail={"act": act.pk, "on": act.target},
    )
    return act


def acts_anonymise(*, user) -> int:
    """When someone closes their account: acts for them and by them stay, without them."""
    done = Act.objects.filter(for_user=user)._anonymise(for_user=None, resident=None, summary="")
    done += Act.objects.filter(by=user)._anonymise(by=None)
    return done
