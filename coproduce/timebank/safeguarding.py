"""Who may see a request for a buddy: the one rule, used by every page and service.

A request says something personal ("I live alone") about a named person. It is seen by:

- the person who asked;
- coordinators (the timebank.coordinate permission);
- the volunteer in a live pairing for it;
- while it is open, volunteers with a current check that covers it: any current check for
  an everyday request; an enhanced DBS check (with or without the barred lists) for one that
  involves children or adults at risk.

Nobody else learns anything about a request: not its words, not who asked, not how many
there are.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from . import permissions
from .models import BuddyRequest, Pairing, VolunteerCheck

# The checks that cover a request involving children or adults at risk.
SAFEGUARDING_CHECKS = frozenset(
    {VolunteerCheck.Kind.DBS_ENHANCED, VolunteerCheck.Kind.DBS_ENHANCED_BARRED}
)
LIVE_PAIRING = (Pairing.Status.ACTIVE, Pairing.Status.AWAITING_APPROVAL)


def current_check_kinds(user, *, on: date | None = None) -> frozenset[str]:
    """The kinds of check this person holds that have not expired."""
    if user is None or not user.is_authenticated:
        return frozenset()
    on = on or timezone.localdate()
    return frozenset(
        VolunteerCheck.objects.filter(person=user, expires_on__gt=on).values_list("kind", flat=True)
    )


def check_covers(kinds: frozenset[str], *, needs_safeguarding: bool) -> bool:
    """Whether checks of these kinds cover a request of this sort."""
    if needs_safeguarding:
        return bool(kinds & SAFEGUARDING_CHECKS)
    return bool(kinds)


def _covered_open(kinds: frozenset[str]) -> Q:
    """Open requests that checks of these kinds cover, as a filter."""
    if not kinds:
        return Q(pk__in=[])
    everyday = Q(involves_children=False, involves_adults_at_risk=False)
    covered = Q() if check_covers(kinds, needs_safeguarding=True) else everyday
    return Q(status=BuddyRequest.Status.OPEN) & covered


def buddy_requests_visible_to(user) -> QuerySet[BuddyRequest]:
    """Every request this person may see, with who asked, newest first."""
    if user is None or not user.is_authenticated or not user.is_active:
        return BuddyRequest.objects.none()
    requests = BuddyRequest.objects.select_related("resident__profile").order_by(
        "-created_at", "-pk"
    )
    if permissions.is_coordinator(user):
        return requests
    paired = BuddyRequest.objects.filter(
        pairings__volunteer=user, pairings__status__in=LIVE_PAIRING
    ).values("pk")
    return requests.filter(
        Q(resident=user) | Q(pk__in=paired) | _covered_open(current_check_kinds(user))
    )


def can_see_buddy_request(user, request: BuddyRequest) -> bool:
    return buddy_requests_visible_to(user).filter(pk=request.pk).exists()


def may_see_open_requests(user) -> bool:
    """Whether the list of people looking for a buddy is shown to this person at all."""
    return permissions.is_coordinator(user) or bool(current_check_kinds(user))


def open_requests_for(user) -> QuerySet[BuddyRequest]:
    """Open requests from other people that this person may see and offer for."""
    return (
        buddy_requests_visible_to(user)
        .filter(status=BuddyRequest.Status.OPEN)
        .exclude(resident=user)
    )


def may_offer(volunteer, request: BuddyRequest) -> bool:
    """Offering needs a current check that covers the request, even for a coordinator."""
    return check_covers(
        current_check_kinds(volunteer), needs_safeguarding=request.needs_safeguarding
    )
