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
    return Event.objects.select_related("place__building").order_by("starts_at", "pk")


def series_events(series: Series, *, now: datetime | None = None) -> QuerySet[Event]:
    """A series' events of the last 12 months and all to come, cancelled ones included."""
    return _events().filter(series=series, ends_at__gte=_since(now))


def place_events(place: Place, *, now: datetime | None = None) -> QuerySet[Event]:
    """Events at a place, or in one of its rooms, of the last 12 months and all to come."""
    return _events().filter(Q(place=place) | Q(place__building=place), ends_at__gte=_since(now))


def event_for_feed(pk: int) -> Event | None:
    return _events().filter(pk=pk).first()


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


def location(event: Event, *, online_link: bool = False) -> str:
    """The place's name and address; for an online event "Online", or the link if allowed."""
    place = event.place
    if place is None:
        return event.online_url if online_link and event.online_url else _("Online")
    building = place.building
    parts = [place.name]
    if building is not None:
        parts.append(building.name)
    parts += [place.address or (building.address if building else ""), place.postcode]
    return ", ".join(dict.fromkeys(part.strip() for part in parts if part and part.strip()))


def entry(
    event: Event,
    *,
    stamp: datetime,
    online_link: bool = False,
    waiting: bool = False,
) -> ical.Event:
    """One event as a calendar entry. `online_link` only for people who may join online."""
    page = settings.SITE_URL + reverse("gatherings:event", args=[event.pk])
    summary = event.title
    notes = [event.summary]
    if event.is_cancelled:
        summary = _("Cancelled: %(title)s") % {"title": summary}
        cancelled = _("This event has been cancelled.")
        if event.cancel_reason:
            cancelled += " " + _("Reason: %(reason)s") % {"reason": event.cancel_reason}
        notes.insert(0, cancelled)
    elif waiting:
        summary = _("Waiting list: %(title)s") % {"title": summary}
        notes.insert(0, _("You are on the waiting list. We will tell you if a place comes up."))
    show_link = online_link and not event.is_cancelled and not waiting and event.online_url
    if show_link:
        notes.append(_("Join online: %(url)s") % {"url": event.online_url})
    notes.append(_("More about it: %(url)s") % {"url": page})
    return ical.Event(
        uid=f"event-{event.pk}@{_host()}",
        start=event.starts_at,
        end=event.ends_at,
        stamp=stamp,
        summary=summary,
        description="\n\n".join(notes),
        location=location(event, online_link=bool(show_link)),
        url=page,
        status="CANCELLED" if event.is_cancelled else "CONFIRMED",
        sequence=event.sequence,
        last_modified=event.updated_at,
        categories=[str(event.get_kind_display())],
    )


def calendar(name: str, entries: list[ical.Event]) -> str:
    return ical.calendar(name=name, product=PRODUCT, events=entries, local_times=True)


def public_calendar(name: str, events: QuerySet[Event] | list[Event]) -> str:
    """Events for anyone: never the link to join online."""
    stamp = timezone.now()
    return calendar(name, [entry(event, stamp=stamp) for event in events])


def person_calendar(name: str, rsvps: QuerySet[Rsvp] | list[Rsvp]) -> str:
    """A person's own events: the link to join online where their place is confirmed."""
    stamp = timezone.now()
    return calendar(
        name,
        [
            entry(
                rsvp.event,
                stamp=stamp,
                online_link=rsvp.status == Rsvp.Status.CONFIRMED,
                waiting=rsvp.status == Rsvp.Status.WAITING,
            )
            for rsvp in rsvps
        ],
    )


def event_calendar(event: Event, *, online_link: bool = False) -> str:
    """One event on its own, for downloading."""
    return calendar(event.title, [entry(event, stamp=timezone.now(), online_link=online_link)])
