from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places import vocab
from coproduce.places.models import Place

from . import availability


class BookableSpace(TimeStampedModel):
    """A building from the asset map that people can book rooms in."""

    place = models.OneToOneField(
        Place,
        on_delete=models.CASCADE,
        related_name="bookable_space",
        limit_choices_to={"kind": Place.Kind.BUILDING},
        verbose_name=_("building"),
    )
    # A person, a group (its organisers manage it), or both.
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_spaces",
        verbose_name=_("manager"),
    )
    managing_group = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_spaces",
        verbose_name=_("group that manages it"),
    )
    rules = models.TextField(_("rules for using the space"), blank=True)
    auto_approve = models.BooleanField(
        _("confirm bookings straight away"),
        default=False,
        help_text=_("If not ticked, the manager approves or declines each request."),
    )
    price_per_hour = models.DecimalField(
        _("price per hour"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 means free for community use."),
    )
    community_rate = models.DecimalField(
        _("price per hour for community groups"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    is_open_for_booking = models.BooleanField(_("open for booking"), default=True)

    class Meta:
        ordering = ["place__name"]
        permissions = [
            ("manage_any_space", "Manage any bookable space and its bookings"),
            ("see_utilisation", "See how much of each bookable space is used"),
        ]

    def __str__(self) -> str:
        return self.place.name

    @property
    def is_free(self) -> bool:
        return self.price_per_hour == 0 or self.community_rate == 0


class BookableRoom(TimeStampedModel):
    """A room of a bookable space. Its facilities are the room place's facilities."""

    space = models.ForeignKey(BookableSpace, on_delete=models.CASCADE, related_name="rooms")
    place = models.OneToOneField(
        Place,
        on_delete=models.CASCADE,
        related_name="bookable_room",
        limit_choices_to={"kind": Place.Kind.ROOM},
        verbose_name=_("room"),
    )
    capacity = models.PositiveIntegerField(_("how many people it holds"))

    class Meta:
        ordering = ["place__name"]
        indexes = [models.Index(fields=["updated_at", "id"], name="room_changed")]

    def __str__(self) -> str:
        return self.place.name

    def clean(self) -> None:
        if self.place_id and self.space_id and self.place.building_id != self.space.place_id:
            raise ValidationError({"place": _("Choose a room in this space's building.")})

    @property
    def facility_labels(self) -> list[str]:
        return vocab.labels(self.place.facilities, vocab.FACILITIES)


class AvailabilityWindow(TimeStampedModel):
    """When a room (or every room of a space, if no room is given) may be booked.

    Times are local (Europe/London) wall-clock times; they keep their local hours across
    the change between GMT and BST.
    """

    space = models.ForeignKey(BookableSpace, on_delete=models.CASCADE, related_name="windows")
    room = models.ForeignKey(
        BookableRoom, on_delete=models.CASCADE, null=True, blank=True, related_name="windows"
    )
    # Days of the week, Monday is 0.
    weekdays = models.JSONField(_("days of the week"), default=list)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"))
    valid_from = models.DateField(_("first day"))
    valid_to = models.DateField(_("last day"), null=True, blank=True)

    class Meta:
        ordering = ["valid_from", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="bookings_window_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="bookings_window_dates_in_order",
            ),
        ]

    def as_window(self) -> availability.Window:
        return availability.Window(
            weekdays=frozenset(self.weekdays),
            opens=self.opens,
            closes=self.closes,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )


class Booking(TimeStampedModel):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    room = models.ForeignKey(BookableRoom, on_delete=models.PROTECT, related_name="bookings")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    purpose = models.CharField(_("what it is for"), max_length=500)
    group = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("group"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="bookings_requested",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["room", "status", "starts_at"], name="booking_room_status_start"),
            # The OpenActive feeds read bookings and rooms in order of change (ADR 0034).
            models.Index(fields=["updated_at", "id"], name="booking_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="bookings_booking_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"
