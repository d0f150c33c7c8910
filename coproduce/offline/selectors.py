"""Reads for the offline app."""

from datetime import timedelta

from django.db.models import Case, Q, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event, Rsvp
from coproduce.places.models import Street, Ward
from coproduce.surveys.models import Survey
from coproduce.timebank.models import Transfer

from . import permissions, reach
from .models import Act, Consent, OfflineResident, PaperSheet, WalkIns

# Events to choose from when taking a place for someone: the next three months.
EVENTS_AHEAD_DAYS = 92


def walk_ins(event: Event) -> int:
    """How many people came to this event without a place or a name (0 if none counted)."""
    return WalkIns.objects.filter(event=event).values_list("count", flat=True).first() or 0


def postal_address(user) -> str:
    """The postal address an offline resident gave, for the letter run ("" if none)."""
    return (
        OfflineResident.objects.filter(user=user, taken_over_at__isnull=True)
        .values_list("postal_address", flat=True)
        .first()
        or ""
    )


def residents_for(viewer) -> QuerySet[OfflineResident]:
    """The offline residents this person may see: all for officers; a champion's own and
    those on their streets."""
    found = OfflineResident.objects.select_related("user__profile", "street", "ward")
    if permissions.is_officer(viewer):
        return found
    if not getattr(viewer, "is_authenticated", False):
        return found.none()
    streets = reach.streets_of_champion(viewer)
    return found.filter(Q(champion=viewer) | Q(street__in=streets))


def resident_or_none(pk: int) -> OfflineResident | None:
    return (
        OfflineResident.objects.select_related(
            "user__profile", "street__ward", "ward", "champion__profile", "registered_by__profile"
        )
        .filter(pk=pk)
        .first()
    )


def acts_of(resident: OfflineResident) -> QuerySet[Act]:
    return resident.acts.select_related("by__profile").order_by("-at", "-pk")


def consents_of(resident: OfflineResident) -> QuerySet[Consent]:
    return resident.consents.select_related("taken_by__profile")


def upcoming_places(resident: OfflineResident) -> QuerySet[Rsvp]:
    return (
        Rsvp.objects.filter(user_id=resident.user_id)
        .exclude(status=Rsvp.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )


def time_waiting_for(resident: OfflineResident) -> QuerySet[Transfer]:
    """Time others recorded with them that waits for them to confirm."""
    account = getattr(resident.user, "time_account", None) if resident.user_id else None
    if account is None:
        return Transfer.objects.none()
    return (
        Transfer.objects.filter(status=Transfer.Status.PENDING)
        .filter(Q(from_account=account) | Q(to_account=account))
        .exclude(requested_for=account)
        .select_related("from_account", "to_account")
    )


def street_find(name: str, *, ward: Ward | None = None) -> Street | None:
    """The street with this name (any case), in the ward if given. None for no name; refuses
    a name that is not a street or is in several wards."""
    name = " ".join(name.split())
    if not name:
        return None
    found = Street.objects.select_related("ward").filter(name__iexact=name)
    if ward is not None and found.filter(ward=ward).exists():
        found = found.filter(ward=ward)
    streets = list(found[:2])
    if not streets:
        raise Refusal(_("There is no street called %(name)s.") % {"name": name}, field="street")
    if len(streets) > 1:
        raise Refusal(
            _("There is a %(name)s in more than one ward. Choose the ward too.") % {"name": name},
            field="street",
        )
    return streets[0]


def sheets_recent() -> QuerySet[PaperSheet]:
    return PaperSheet.objects.select_related("event", "street__ward", "created_by__profile")[:50]


def events_to_choose(resident: OfflineResident, *, now=None) -> QuerySet[Event]:
    """Events they can take a place at: not started, not cancelled, near them first."""
    now = now or timezone.now()
    events = Event.objects.filter(
        starts_at__gt=now, starts_at__lt=now + timedelta(days=EVENTS_AHEAD_DAYS)
    ).exclude(status=Event.Status.CANCELLED)
    if resident.ward_id:
        events = events.order_by(
            Case(When(place__ward_id=resident.ward_id, then=0), default=1), "starts_at", "pk"
        )
    else:
        events = events.order_by("starts_at", "pk")
    return events.select_related("place")


def polls_to_answer(resident: OfflineResident, *, now=None) -> QuerySet[Survey]:
    """Open polls and surveys for everyone or for their ward."""
    now = now or timezone.now()
    return (
        Survey.objects.filter(status=Survey.Status.PUBLISHED, opens_at__lte=now, closes_at__gt=now)
        .filter(Q(ward__isnull=True) | Q(ward_id=resident.ward_id))
        .order_by("closes_at", "pk")
    )
