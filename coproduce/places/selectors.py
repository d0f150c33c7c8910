"""Reads for wards, streets and places.

Ward counts of residents need people's profiles, a layer above, so they are read in
coproduce.site.selectors.
"""

from django.db.models import QuerySet

from .models import Place, Street, Ward


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
