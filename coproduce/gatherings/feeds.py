"""Events as iCalendar entries (coproduce.common.ical), and the reads behind each feed.

A feed never says anything about who is coming: no names, no counts, no access support asked
for. The link to join online is the one private thing an event has; it goes only to people
with a confirmed place (and the event's organisers), never into a public feed.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common import ical
from coproduce.places.models import Place

from . import unlisted
from .models import CalendarFeed, Event, Rsvp, Series

PRODUCT = "-//Coproduce//Gatherings//EN"
# Feeds carry the last year's events as well as those to come, so a calendar keeps its history
# without the feed growing for ever.
KEEP_PAST = timedelta(days=365)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "coproduce"


def _since(now: datetime | None) -> datetime:
    return (now or timezone.now()) - KEEP_PAST


def _events() -> QuerySet[Event]:
    events = unlisted.exclude_unlisted(Event.objects.select_related("place__building"))
    return events.order_by("starts_at", "pk")


def series_events(series: Series, *, now: datetime | None = None) -> QuerySet[Event]:
    """A series' events of the last 12 months and all to come, cancelled ones included."""
    return _events().filter(series=series, ends_at__gte=_since(now))


def place_events(place: Place, *, now: datetime | None = None) -> QuerySet[Event]:
    """Events at a place, or in one of its rooms, of the last 12 months and all to come."""
    return _events().filter(Q(place=place) | Q(place__building=place), ends_at__gte=_since(now))


def event_for_feed(pk: int) -> Event | None:
    return _events().filter(pk=pk).first()


def link_of(user) -> CalendarFeed | None:
    """The person's private calendar link, or None if they have not made one yet."""
    return CalendarFeed.objects.filter(user=user).first()


def owner_of_link(token: str):
    """Whose private calendar link this is, if it is a current link of an active account."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def rsvps_for_feed(user, *, now: datetime | None = None) -> QuerySet[Rsvp]:
    """A person's confirmed and waiting places, of the last 12 months and all to come."""
    return (
        Rsvp.objects.filter(
            user=user,
            status__in=[Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING],
            event__ends_at__gte=_since(now),
        )
        .select_related("event__place__building")
        .order_by("event__starts_at", "event__pk")
    )


def location(event: Event, *, online_link: bool = False, online: str = "") -> str:
    """The place's name and address; for an online event "Online", or the link if allowed."""
    place = event.place
    if place is None:
        return event.online_url if online_link and event.online_url else online or _("Online")
    building = place.building
    parts = [place.name]
    if building is not None:
        parts.append(building.name)
    # A room usually has no address of its own: it is at its building's.
    where = place if place.address or building is None else building
    parts += [where.address, where.postcode]
    return ", ".join(dict.fromkeys(part.strip() for part in parts if part and part.strip()))


class Entries:
    """Turns events into calendar entries. The words, labels and links that every entry
    shares are worked out once per feed: a feed of 500 events must take well under 100 ms."""

    # Any number will do: it is swapped for each event's own in the reversed path.
    MARKER = "2147483647"

    def __init__(self, *, stamp: datetime | None = None) -> None:
        self.stamp = stamp or timezone.now()
        self.host = _host()
        path = reverse("gatherings:event", args=[int(self.MARKER)])
        self.page_before, self.page_after = (settings.SITE_URL + path).split(self.MARKER)
        self.kinds = {value: str(label) for value, label in Event.Kind.choices}
        self.online = _("Online")
        self.cancelled_title = _("Cancelled: %(title)s")
        self.cancelled = _("This event has been cancelled.")
        self.reason = _("Reason: %(reason)s")
        self.waiting_title = _("Waiting list: %(title)s")
        self.waiting = _("You are on the waiting list. We will tell you if a place comes up.")
        self.join = _("Join online: %(url)s")
        self.more = _("More about it: %(url)s")

    def page(self, event: Event) -> str:
        return f"{self.page_before}{event.pk}{self.page_after}"

    def entry(
        self, event: Event, *, online_link: bool = False, waiting: bool = False
    ) -> ical.Event:
        """One event as a calendar entry. `online_link` only for people who may join online."""
        page = self.page(event)
        summary = event.title
        notes = [event.summary]
        if event.is_cancelled:
            summary = self.cancelled_title % {"title": summary}
            cancelled = self.cancelled
            if event.cancel_reason:
                cancelled += " " + self.reason % {"reason": event.cancel_reason}
            notes.insert(0, cancelled)
        elif waiting:
            summary = self.waiting_title % {"title": summary}
            notes.insert(0, self.waiting)
        show_link = bool(online_link and event.online_url) and not (event.is_cancelled or waiting)
        if show_link:
            notes.append(self.join % {"url": event.online_url})
        notes.append(self.more % {"url": page})
        return ical.Event(
            uid=f"event-{event.pk}@{self.host}",
            start=event.starts_at,
            end=event.ends_at,
            stamp=self.stamp,
            summary=summary,
            description="\n\n".join(notes),
            location=location(event, online_link=show_link, online=self.online),
            url=page,
            status="CANCELLED" if event.is_cancelled else "CONFIRMED",
            sequence=event.sequence,
            last_modified=event.updated_at,
            categories=[self.kinds.get(event.kind, event.kind)],
        )


def calendar(name: str, entries: list[ical.Event]) -> str:
    return ical.calendar(name=name, product=PRODUCT, events=entries, local_times=True)


def public_calendar(name: str, events: QuerySet[Event] | list[Event]) -> str:
    """Events for anyone: never the link to join online."""
    entries = Entries()
    return calendar(name, [entries.entry(event) for event in events])


def person_calendar(name: str, rsvps: QuerySet[Rsvp] | list[Rsvp]) -> str:
    """A person's own events: the link to join online where their place is confirmed."""
    entries = Entries()
    return calendar(
        name,
        [
            entries.entry(
                rsvp.event,
                online_link=rsvp.status == Rsvp.Status.CONFIRMED,
                waiting=rsvp.status == Rsvp.Status.WAITING,
            )
            for rsvp in rsvps
        ],
    )


def event_calendar(event: Event, *, online_link: bool = False) -> str:
    """One event on its own, for downloading."""
    return calendar(event.title, [Entries().entry(event, online_link=online_link)])
