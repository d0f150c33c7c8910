"""Reads of items and funding, shaped for pages in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from coproduce.discussion import hiding
from coproduce.groups.models import Membership, Organisation

from .models import (
    FundingApplication,
    FundingFollow,
    FundingOpportunity,
    FundingTheme,
    Item,
    ItemPhoto,
    ItemReply,
    Reservation,
)

OPEN_STATUSES = (Item.Status.AVAILABLE, Item.Status.RESERVED, Item.Status.LENT)


@dataclass(frozen=True)
class ItemFilters:
    kind: str = ""
    exchange: str = ""
    category: str = ""
    ward: object = None
    q: str = ""


def _with_photos(items: QuerySet[Item]) -> QuerySet[Item]:
    return items.prefetch_related(
        Prefetch("photos", queryset=ItemPhoto.objects.order_by("created_at", "pk"))
    )


def items_listed(filters: ItemFilters) -> QuerySet[Item]:
    """Items still in play (available, reserved or on loan), newest first."""
    items = hiding.exclude_hidden(
        Item.objects.filter(status__in=OPEN_STATUSES).select_related("ward", "organisation")
    )
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.exchange:
        items = items.filter(exchange=filters.exchange)
    if filters.category:
        items = items.filter(category=filters.category)
    if filters.ward is not None:
        items = items.filter(ward=filters.ward)
    q = filters.q.strip()
    if q:
        items = items.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return _with_photos(items.order_by("-created_at", "-pk"))


def item_detail(pk: int) -> Item | None:
    return (
        _with_photos(Item.objects.select_related("ward", "organisation", "posted_by"))
        .filter(pk=pk)
        .first()
    )


def live_reservation(item: Item) -> Reservation | None:
    return (
        Reservation.objects.select_related("reserved_by")
        .filter(item=item, status__in=Reservation.ACTIVE_STATUSES)
        .first()
    )


def ever_reserved(item: Item, user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Reservation.objects.filter(item=item, reserved_by=user).exists()


def items_looked_after_by(user) -> QuerySet[Item]:
    """What a person posted, and what groups they organise posted."""
    organised = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
        "organisation_id"
    )
    return (
        Item.objects.filter(Q(posted_by=user) | Q(organisation_id__in=organised))
        .select_related("ward", "organisation")
        .order_by("-created_at", "-pk")
    )


def reservations_of(user) -> QuerySet[Reservation]:
    return (
        Reservation.objects.filter(reserved_by=user)
        .select_related("item", "item__ward")
        .order_by("-created_at", "-pk")
    )


def replies_to(item: Item) -> QuerySet[ItemReply]:
    return ItemReply.objects.filter(item=item).select_related("sender").order_by("created_at")


def reply_from(item: Item, user) -> ItemReply | None:
    if user is None or not user.is_authenticated:
        return None
    return ItemReply.objects.filter(item=item, sender=user).first()


def organised_groups(user) -> QuerySet[Organisation]:
    if user is None or not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ORGANISER
    ).order_by("name")


# Funding ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundingFilters:
    theme: str = ""
    ward: object = None
    amount: int | None = None


def opportunities_listed(filters: FundingFilters, *, now=None) -> QuerySet[FundingOpportunity]:
    """Open rounds first, soonest deadline first; then closed ones, latest first."""
    now = now or timezone.now()
    opportunities = (
        FundingOpportunity.objects.select_related("funder")
        .prefetch_related("themes", "wards")
        .annotate(
            closed=Case(When(deadline__lte=now, then=1), default=0, output_field=IntegerField())
        )
        .order_by(
            "closed",
            Case(When(deadline__gt=now, then=F("deadline"))).asc(),
            F("deadline").desc(),
            "pk",
        )
    )
    if filters.theme:
        opportunities = opportunities.filter(
            Exists(FundingTheme.objects.filter(opportunity=OuterRef("pk"), theme=filters.theme))
        )
    if filters.ward is not None:
        in_ward = FundingOpportunity.wards.through.objects.filter(
            fundingopportunity_id=OuterRef("pk"), ward=filters.ward
        )
        opportunities = opportunities.filter(Q(borough_wide=True) | Exists(in_ward))
    if filters.amount is not None:
        opportunities = opportunities.filter(
            Q(min_amount__isnull=True) | Q(min_amount__lte=filters.amount),
            Q(max_amount__isnull=True) | Q(max_amount__gte=filters.amount),
        )
    return opportunities


def opportunity_detail(pk: int) -> FundingOpportunity | None:
    return (
        FundingOpportunity.objects.select_related("funder")
        .prefetch_related("themes", "wards")
        .filter(pk=pk)
        .first()
    )


def follows(user, opportunity: FundingOpportunity) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return FundingFollow.objects.filter(user=user, opportunity=opportunity).exists()


def applications_visible_to(user, opportunity: FundingOpportunity, *, see_all: bool):
    """Applications to a round: all of them for officers; otherwise the person's own and
    those of groups they organise. Never shown to the public."""
    if user is None or not user.is_authenticated:
        return FundingApplication.objects.none()
    applications = FundingApplication.objects.filter(opportunity=opportunity).select_related(
        "organisation"
    )
    if not see_all:
        organised = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
            "organisation_id"
        )
        applications = applications.filter(Q(recorded_by=user) | Q(organisation_id__in=organised))
    return applications.order_by("-created_at", "-pk")


def application_detail(pk: int) -> FundingApplication | None:
    return (
        FundingApplication.objects.select_related("opportunity", "organisation")
        .filter(pk=pk)
        .first()
    )


def follows_of(user, *, now) -> list[FundingFollow]:
    """The rounds this person follows: open ones soonest deadline first, then closed ones,
    latest first. One query."""
    return list(
        FundingFollow.objects.filter(user=user)
        .select_related("opportunity__funder")
        .annotate(
            closed=Case(
                When(opportunity__deadline__lte=now, then=1),
                default=0,
                output_field=IntegerField(),
            )
        )
        .order_by(
            "closed",
            Case(When(opportunity__deadline__gt=now, then=F("opportunity__deadline"))).asc(),
            F("opportunity__deadline").desc(),
            "pk",
        )
    )


#: A reservation in one of these states means the item changed hands.
HANDED_OVER = (Reservation.Status.LENT, Reservation.Status.COLLECTED, Reservation.Status.RETURNED)


def items_shared_by_month(*, since, ward_id: int | None = None) -> dict:
    """Items handed over (given or lent) from reservations made since `since`, by the month
    the reservation was made (the first of the month as a date). For a ward: items there."""
    reservations = Reservation.objects.filter(status__in=HANDED_OVER, created_at__gte=since)
    if ward_id is not None:
        reservations = reservations.filter(item__ward_id=ward_id)
    rows = (
        reservations.order_by()
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    return {timezone.localtime(row["month"]).date(): row["n"] for row in rows}
