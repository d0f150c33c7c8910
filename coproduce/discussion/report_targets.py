"""Kinds of things people can report that belong to apps below discussion (places).

Apps above discussion register their own in `<app>/report_targets.py`. Imported from
DiscussionConfig.ready().
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.places.models import PlacePhoto

from .reporting import ReportTarget, register

PLACE_PHOTO = register(
    ReportTarget(
        slug="photo",
        label=_("Place photo"),
        model=PlacePhoto,
        title=lambda photo: str(photo.place),
        text=lambda photo: photo.alt_text,
        url=lambda photo: reverse("places_catalogue:place_detail", args=[photo.place_id]),
        owners=lambda photo: [photo.uploaded_by] if photo.uploaded_by_id else [],
        can_see=lambda user, photo: True,
        link_text=_("this photo"),
        select_related=("place", "uploaded_by"),
    )
)
