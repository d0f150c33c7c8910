"""Reads for wards and streets. Counts only: no page built from these names a resident."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from coproduce.people.models import Profile

from .models import Place, Street, Ward


def _count_of(queryset: QuerySet) -> Coalesce:
    # A correlated subquery per count, rather than Count() over two joins, which would
    # multiply streets by residents before counting (millions of rows on a large borough).
    counted = queryset.order_by().values("ward").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def wards_with_counts() -> QuerySet[Ward]:
    """Every ward, by name, with `street_count` and `resident_count`, in one query."""
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


def streets_in_ward(ward: Ward) -> QuerySet[Street]:
    """The ward's streets by name, names only."""
    return Street.objects.filter(ward=ward).order_by("name", "pk").only("id", "name")


def listed_place(pk: int) -> Place | None:
    """A place shown to the public, with its ward and the rooms inside it."""
    return (
        Place.objects.select_related("ward", "building")
        .prefetch_related("rooms", "photos")
        .filter(pk=pk, is_listed=True)
        .first()
    )
