"""Reads for the home and ward pages, across places and people. Counts only: no page built
from these names a resident."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from coproduce.people.models import Profile
from coproduce.places.models import Street, Ward


@dataclass(frozen=True)
class BoroughOverview:
    ward_count: int
    resident_count: int
    wards: list[Ward]


def borough_overview() -> BoroughOverview:
    """Figures for the home page: counts only, so no resident's details are shown."""
    wards = list(Ward.objects.order_by("name").only("id", "name", "slug"))
    residents = get_user_model().objects.filter(is_active=True).count()
    return BoroughOverview(ward_count=len(wards), resident_count=residents, wards=wards)


def _count_of(queryset: QuerySet) -> Coalesce:
    # A correlated subquery per count, rather than Count() over two joins, which would
    # multiply streets by residents before counting (millions of rows on a large borough).
    counted = queryset.order_by().values("ward").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def wards_with_counts() -> QuerySet[Ward]:
    """Every ward, by name, with `street_count` and `resident_count`, in one query.

    Here rather than in places: the resident count reads people's profiles, a layer above.
    """
    return (
        Ward.objects.order_by("name")
        .only("id", "name", "slug")
        .annotate(
            street_count=_count_of(Street.objects.filter(ward=OuterRef("pk"))),
            resident_count=_count_of(
                Profile.objects.filter(ward=OuterRef("pk"), user__is_active=True)
            ),
        )
    )
