import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common import opening_hours as hours
from coproduce.common.models import TimeStampedModel
from coproduce.common.webmercator import to_unit


class Ward(TimeStampedModel):
    """An electoral ward: the area residents most often say they live in."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name for web addresses"), max_length=100, unique=True)
    # GeoJSON Polygon geometry (RFC 7946, WGS 84 longitude/latitude).
    boundary = models.JSONField(_("boundary"), default=dict, blank=True)
    centre_latitude = models.FloatField(_("centre latitude"), null=True, blank=True)
    centre_longitude = models.FloatField(_("centre longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Street(TimeStampedModel):
    name = models.CharField(_("name"), max_length=150)
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="streets")
    centre_latitude = models.FloatField(_("centre latitude"), null=True, blank=True)
    centre_longitude = models.FloatField(_("centre longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "name"], name="places_street_unique_in_ward")
        ]

    def __str__(self) -> str:
        return self.name


class Place(TimeStampedModel):
    """A building, room, green space or unloved space that the community has or could use."""

    class Kind(models.TextChoices):
        BUILDING = "building", _("Building")
        ROOM = "room", _("Room")
        GREEN_SPACE = "green_space", _("Green space")
        UNLOVED_SPACE = "unloved_space", _("Unloved space")

    class Owner(models.TextChoices):
        COUNCIL = "council", _("Council")
        COMMUNITY = "community", _("Community")
        PRIVATE = "private", _("Private")
        UNKNOWN = "unknown", _("Not known")

    kind = models.CharField(_("kind of place"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    building = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rooms",
        verbose_name=_("building it is in"),
    )
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="places")
    address = models.CharField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    # Web Mercator unit coordinates, kept with the row so the map API can cluster in SQL.
    map_x = models.FloatField(editable=False, default=0.0)
    map_y = models.FloatField(editable=False, default=0.0)
    owner = models.CharField(
        _("who owns it"), max_length=20, choices=Owner.choices, default=Owner.UNKNOWN
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessibility = models.JSONField(_("accessibility features"), default=list, blank=True)
    facilities = models.JSONField(_("facilities"), default=list, blank=True)
    # [{"day": 0-6 (Monday is 0), "opens": "09:00", "closes": "17:00"}, ...]: see
    # common/opening_hours.py.
    opening_hours = models.JSONField(_("opening hours"), default=list, blank=True)
    # The same hours as one character per quarter hour of the week, for "open now" in SQL.
    open_week = models.CharField(max_length=hours.WEEK_SLOTS, editable=False, default="")
    could_become = models.TextField(
        _("what it could become"),
        blank=True,
        help_text=_("For unloved spaces: ideas for what the space could be used for."),
    )
    is_listed = models.BooleanField(
        _("shown on the map"), default=True, help_text=_("Hidden places are kept but not shown.")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="places_added",
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            # Covers the map's clustering query, so it never reads the (wide) place rows.
            models.Index(
                fields=["map_x", "map_y", "kind", "is_listed", "ward", "step_free"],
                name="place_map_cover",
            ),
            models.Index(fields=["kind", "is_listed"], name="place_kind_listed"),
            # The map's list and the places list: listed places by name, read in order and
            # stopped after a page, instead of sorting all of them for the first twenty.
            models.Index(
                fields=["name", "id"],
                condition=models.Q(is_listed=True) & ~models.Q(kind="room"),
                name="place_listed_by_name",
            ),
            models.Index(
                fields=["ward", "name", "id"],
                condition=models.Q(is_listed=True) & ~models.Q(kind="room"),
                name="place_listed_ward_name",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                & models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_coordinates_on_earth",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            update_fields = set(update_fields)
            if {"latitude", "longitude"} & update_fields:
                update_fields |= {"map_x", "map_y"}
            if "opening_hours" in update_fields:
                update_fields.add("open_week")
            kwargs["update_fields"] = update_fields
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """Work out the stored map position and week mask. bulk_create callers call this."""
        self.map_x, self.map_y = to_unit(self.latitude, self.longitude)
        self.open_week = hours.week_mask(self.opening_hours) if self.opening_hours else ""


def _photo_path(photo: "PlacePhoto", filename: str) -> str:
    # A random name: the uploader's file name can carry personal details.
    return f"places/{photo.place_id}/{uuid.uuid4().hex}.{photo.image_format}"


class PlacePhoto(TimeStampedModel):
    """A photo of a place. Stored re-encoded, with no EXIF data (no camera location)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=_photo_path, max_length=200)
    image_format = models.CharField(max_length=10, editable=False, default="jpg")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("what the photo shows"),
        max_length=250,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="place_photos",
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.alt_text
