from dataclasses import dataclass

from django.contrib.auth import get_user_model

from coproduce.places.models import Ward


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
