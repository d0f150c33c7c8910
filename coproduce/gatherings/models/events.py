import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.bookings.models import Booking
from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Place

from .. import provisions


def _token() -> str:
    return secrets.token_urlsafe(24)


class Kind(models.TextChoices):
    TALK = "talk", _("Talk")
    HOSTED_CONVERSATION = "conversation", _("Hosted conversation")
    WORKSHOP = "workshop", _("Workshop")
    OPEN_SPACE = "open_space", _("Open Space")
    ACTION_LEARNING_SET = "action_learning", _("Action learning set")
    HACK_DAY = "hack_day", _("Hack day")
    MEET_UP = "meet_up", _("Meet-up")
    FORUM = "forum", _("Practitioners' forum")


class Series(TimeStampedModel):
    """A programme of events, such as a monthly action learning set or a shop-front season."""

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("short name for web addresses"), max_length=160, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("more about it"), blank=True)
    kind = models.CharField(_("usual kind of event"), max_length=20, choices=Kind.choices)
    group = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_series",
        verbose_name=_("group that runs it"),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="series_organised", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name_plural = _("series")

    def __str__(self) -> str:
        return self.title


class Event(TimeStampedModel):
    """One gathering, at a place on the asset map or online, with its rules for joining."""

    Kind = Kind

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Going ahead")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("more about it"), blank=True)
    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind.choices)
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    # The room's time this event holds: an ordinary booking of a bookable room at `place`,
    # so bookings and events share one calendar per room (ADR 22). Changed only through
    # services.events, which call the bookings services in the same transaction.
    room_booking = models.OneToOneField(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="event",
        verbose_name=_("room booking"),
    )
    online_url = models.URLField(_("link to join online"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    access_provisions = models.JSONField(_("access support offered"), default=list, blank=True)
    agenda_open = models.BooleanField(
        _("people can suggest agenda items or sessions"), default=False
    )
    group = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("group that runs it"),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="events_organised", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    cancel_reason = models.TextField(_("why it was cancelled"), blank=True)
    # Bumped on every change that calendar programs should pick up (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Kept denormalised so lists and the RSVP path need no count; changed only under the
    # event's row lock, in services.rsvps.
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    waiting_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_status_start"),
            models.Index(fields=["series", "starts_at"], name="event_series_start"),
            models.Index(fields=["place", "starts_at"], name="event_place_start"),
            # The OpenActive feeds read events in order of change (ADR 0034).
            models.Index(fields=["updated_at", "id"], name="event_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="gatherings_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(confirmed_count__lte=models.F("capacity")),
                name="gatherings_event_never_overbooked",
            ),
        ]
        permissions = [("manage_any_event", _("Can organise and change any event"))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_online(self) -> bool:
        return self.place_id is None

    @property
    def room_hold(self) -> Booking | None:
        """The booking holding a room for this event, while it is asked for or confirmed."""
        booking = self.room_booking
        if booking is None or booking.status not in (
            Booking.Status.REQUESTED,
            Booking.Status.CONFIRMED,
        ):
            return None
        return booking

    @property
    def room_confirmed(self) -> bool:
        hold = self.room_hold
        return hold is not None and hold.status == Booking.Status.CONFIRMED

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity


class Rsvp(TimeStampedModel):
    """A person's place at an event, or their place in its waiting list.

    What someone asks for to take part (a crèche place, a BSL interpreter) is seen only by
    the event's organisers and the person themself.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Going")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Not going")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # First come, first served: the waiting list is ordered by when each person joined it.
    queued_at = models.DateTimeField()
    access_requests = models.JSONField(_("access support asked for"), default=list, blank=True)
    access_note = models.TextField(_("anything else we should know"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A link to pass to a friend ("bring a friend"); it names this person as who invited them.
    invite_token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    attended = models.BooleanField(_("came"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Not stored: set by `rsvp_join` when the person already held this place (or this place in
    # the waiting list) and only what they asked for changed, so a page can say which it was
    # without reading the place twice.
    had_place = False

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="gatherings_rsvp_once"),
        ]
        indexes = [
            models.Index(fields=["event", "status", "queued_at"], name="rsvp_event_queue"),
            models.Index(fields=["user", "status"], name="rsvp_user_status"),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.event} ({self.status})"

    @property
    def access_labels(self) -> list[str]:
        return provisions.labels(self.access_requests)


class CalendarFeed(TimeStampedModel):
    """A person's private calendar link: their events, for their calendar program.

    Calendar programs cannot sign in, so the link itself is the key. A person can make a new
    one at any time, which stops the old one working.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)

    def __str__(self) -> str:
        return f"Calendar of {self.user}"
