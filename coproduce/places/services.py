"""Every write to places goes through here."""

from collections.abc import Iterable, Sequence

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Field
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.accounts.roles import Role
from coproduce.common import opening_hours
from coproduce.common.errors import NotAllowed
from coproduce.notifications.services import notify

from . import photos
from .kinds import UNLOVED_SPACE_FLAGGED
from .models import Place, PlacePhoto, Street, Ward

CHANGE_PLACE = "places.change_place"


def can_change(user, place: Place) -> bool:
    """Officers change any place; whoever added a place can add to it."""
    if not user.is_authenticated:
        return False
    return user.has_perm(CHANGE_PLACE) or place.added_by_id == user.pk


def _checked(place: Place) -> Place:
    """Check a place's opening hours and work out what is stored from them and its position.

    Raises opening_hours.HoursError. Every place added or changed in bulk comes through here,
    as save() would do it, so its week mask ("open now") always matches its hours.
    """
    place.opening_hours = opening_hours.validate(list(place.opening_hours or []))
    place.fill_derived_fields()
    return place


@transaction.atomic
def place_create(
    *,
    kind: str,
    name: str,
    ward: Ward,
    latitude: float,
    longitude: float,
    description: str = "",
    address: str = "",
    postcode: str = "",
    owner: str = Place.Owner.UNKNOWN,
    step_free: bool = False,
    facilities: Iterable[str] = (),
    accessibility: Iterable[str] = (),
    opening_hours: Iterable[dict] = (),
    building: Place | None = None,
    added_by=None,
) -> Place:
    """Add one place. Its opening hours are checked (raises opening_hours.HoursError); the
    other fields are the caller's to check, as forms and CSV imports do."""
    place = Place(
        kind=kind,
        name=name,
        description=description,
        ward=ward,
        address=address,
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        owner=owner,
        step_free=step_free,
        facilities=list(facilities),
        accessibility=list(accessibility),
        opening_hours=list(opening_hours),
        building=building,
        added_by=added_by,
    )
    _checked(place).save()
    return place


# The bulk writes make no savepoint of their own: imports call them batch after batch inside
# one transaction, and a savepoint each time made SQLite copy every page it changed again (a
# third slower). An error still undoes everything: the caller's transaction is rolled back.
@transaction.atomic(savepoint=False)
def places_create(*, places: Sequence[Place]) -> list[Place]:
    """Add many new places (unsaved instances) in one bulk insert, checked as place_create
    checks one. Where the database returns ids from a bulk insert, the places get theirs."""
    return Place.objects.bulk_create([_checked(place) for place in places])


@transaction.atomic(savepoint=False)
def places_update(*, places: Sequence[Place], fields: Sequence[str]) -> list[Place]:
    """Write `fields` of places already saved, leaving alone those where none has changed.

    Places are checked as place_create checks them, and the fields stored from others (week
    mask, map position) are written with them. Gives the places that changed: importing the
    same file twice writes nothing the second time.
    """
    if not places:
        return []
    names = list(dict.fromkeys(fields))
    if "opening_hours" in names:
        names.append("open_week")
    if {"latitude", "longitude"} & set(names):
        names += ["map_x", "map_y"]
    written = [Place._meta.get_field(name) for name in dict.fromkeys(names)]
    # updated_at always differs; whether anything else does is what counts.
    compared = ["id", *(field.attname for field in written if not getattr(field, "auto_now", 0))]
    for place in places:
        _checked(place)
    stored = Place.objects.filter(pk__in=[place.pk for place in places]).values(*compared)
    by_pk = {row.pop("id"): row for row in stored}
    changed = [
        place
        for place in places
        if any(getattr(place, name) != value for name, value in by_pk[place.pk].items())
    ]
    _update_rows(changed, written)
    return changed


def _update_rows(places: list[Place], fields: list[Field]) -> None:
    """UPDATE each place, as one executemany: the same SQL with a row of values per place.

    Django's bulk_update builds a CASE WHEN per field with a branch per row; for 20,000
    places that took 70-90 seconds, where this takes a few. Values still go through each
    field's own conversion (JSON, booleans), and column names come from the model.
    """
    if not places:
        return
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(Place._meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(Place._meta.pk.column)} = %s"
    )
    values = [
        [field.get_db_prep_save(getattr(place, field.attname), connection) for field in fields]
        + [place.pk]
        for place in places
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


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
