"""Every write to places goes through here."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.accounts.roles import Role
from coproduce.notifications.services import notify

from . import photos
from .kinds import UNLOVED_SPACE_FLAGGED
from .models import Place, PlacePhoto, Street, Ward

CHANGE_PLACE = "places.change_place"


class NotAllowed(PermissionError):
    pass


def can_change(user, place: Place) -> bool:
    """Officers change any place; whoever added a place can add to it."""
    if not user.is_authenticated:
        return False
    return user.has_perm(CHANGE_PLACE) or place.added_by_id == user.pk


@transaction.atomic
def unloved_space_flag(
    *,
    user,
    ward: Ward,
    name: str,
    description: str,
    could_become: str = "",
    street: Street | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Place:
    """Put a neglected space on the map and tell the council's officers.

    The space goes where it was pinned; else at its street, else at the ward's centre.
    Who flagged it is kept for officers but never shown on the place's page."""
    if latitude is None or longitude is None:
        anchor = street if street is not None and street.centre_latitude is not None else ward
        latitude, longitude = anchor.centre_latitude, anchor.centre_longitude
    place = Place(
        kind=Place.Kind.UNLOVED_SPACE,
        name=name.strip(),
        description=description.strip(),
        could_become=could_become.strip(),
        ward=ward,
        address=street.name if street is not None else "",
        latitude=latitude,
        longitude=longitude,
        owner=Place.Owner.UNKNOWN,
        added_by=user,
    )
    place.full_clean()
    place.save()
    url = reverse("places_catalogue:place_detail", args=[place.pk])
    for officer in get_user_model().objects.filter(groups__name=Role.OFFICER, is_active=True):
        notify(
            recipient=officer,
            kind=UNLOVED_SPACE_FLAGGED.slug,
            title=_("Unloved space flagged in %(ward)s: %(name)s")
            % {"ward": ward.name, "name": place.name},
            body=place.could_become or place.description,
            url=url,
        )
    return place


@transaction.atomic
def place_photo_add(*, user, place: Place, upload, alt_text: str) -> PlacePhoto:
    """Add a photo, cleaned of EXIF data. Raises photos.PhotoError for a bad file."""
    if not can_change(user, place):
        raise NotAllowed(_("You cannot add photos to this place."))
    cleaned = photos.clean(upload, size=upload.size)
    photo = PlacePhoto(
        place=place,
        alt_text=alt_text.strip(),
        uploaded_by=user,
        image_format=cleaned.extension,
        width=cleaned.width,
        height=cleaned.height,
    )
    photo.image.save(f"photo.{cleaned.extension}", ContentFile(cleaned.content), save=False)
    # If the row cannot be written, the file must not stay behind.
    try:
        photo.save()
    except Exception:
        photo.image.delete(save=False)
        raise
    return photo
