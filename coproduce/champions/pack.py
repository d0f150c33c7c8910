"""The street pack: one printable flyer per street, with what is on near it and a QR code.

"Near" a street is in the same ward or within about 800 metres of its centre. Candidates are
picked in the database with a box of degrees around the centre; `nearby.is_within` keeps
those really within reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from coproduce.common.email import absolute_url
from coproduce.gatherings.models import Event
from coproduce.gatherings.unlisted import exclude_unlisted
from coproduce.places.models import Street
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects

from .nearby import box_around, is_within

NEAR_METRES = 800
EVENTS_SHOWN = 5
PROJECTS_SHOWN = 5
CANDIDATES = 40  # read this many at most, then keep the nearest few
OPEN_PROJECTS = (Project.Status.IDEA, Project.Status.FORMING, Project.Status.ACTIVE)


@dataclass
class Flyer:
    street: Street
    events: list[Event]
    projects: list[Project]
    subscribe_url: str
    sign_up_url: str
    subscribe_qr: SafeString
    sign_up_qr: SafeString


def subscribe_path(ward_id: int) -> str:
    """The page to get news of this ward: /subscribe/?topic=ward:<id>."""
    start = reverse("subscriptions:start")
    return f"{start}?{urlencode({'topic': f'ward:{ward_id}'})}"


def qr_svg(url: str, *, title: str) -> SafeString:
    """A QR code for `url` as inline SVG, named by `title` for screen readers."""
    # segno (about 4 MiB) is needed only for a champion's street pack, not by every worker.
    import segno

    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=3, border=2, title=title, svgclass="champions-qr", omitsize=True)
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))  # noqa: S308


def _near(street: Street, lat: float | None, lon: float | None, ward_id: int | None) -> bool:
    if ward_id is not None and ward_id == street.ward_id:
        return True
    if None in (lat, lon, street.centre_latitude, street.centre_longitude):
        return False
    return is_within(street.centre_latitude, street.centre_longitude, lat, lon, NEAR_METRES)


def _box(street: Street) -> tuple[float, float, float, float] | None:
    if street.centre_latitude is None or street.centre_longitude is None:
        return None
    return box_around(street.centre_latitude, street.centre_longitude, NEAR_METRES)


def events_near(street: Street, *, now: datetime) -> list[Event]:
    """The next events at places in the street's ward or within reach, soonest first."""
    where = Q(place__ward_id=street.ward_id)
    box = _box(street)
    if box:
        south, west, north, east = box
        where |= Q(place__latitude__range=(south, north), place__longitude__range=(west, east))
    candidates = (
        exclude_unlisted(Event.objects)
        .filter(where, status=Event.Status.SCHEDULED, ends_at__gt=now)
        .select_related("place")
        .order_by("starts_at", "pk")[:CANDIDATES]
    )
    found = [
        event
        for event in candidates
        if _near(street, event.place.latitude, event.place.longitude, event.place.ward_id)
    ]
    return found[:EVENTS_SHOWN]


def projects_near(street: Street) -> list[Project]:
    """Open projects in the street's ward or within reach, newest first."""
    where = Q(ward_id=street.ward_id)
    box = _box(street)
    if box:
        south, west, north, east = box
        where |= Q(latitude__range=(south, north), longitude__range=(west, east))
    candidates = (
        shown_projects()
        .filter(where, status__in=OPEN_PROJECTS)
        .only("pk", "title", "summary", "ward_id", "latitude", "longitude", "status")
        .order_by("-created_at", "-pk")[:CANDIDATES]
    )
    found = [
        project
        for project in candidates
        if _near(street, project.latitude, project.longitude, project.ward_id)
    ]
    return found[:PROJECTS_SHOWN]


def flyers_for(
    streets: list[Street], *, subscribe_title: str, sign_up_title: str, now: datetime | None = None
) -> list[Flyer]:
    """One flyer per street. `subscribe_title` (the QR code's name) has a %(ward)s."""
    now = now or timezone.now()
    sign_up = absolute_url(reverse("accounts:sign_up"))
    sign_up_qr = qr_svg(sign_up, title=sign_up_title)
    flyers = []
    for street in streets:
        subscribe = absolute_url(subscribe_path(street.ward_id))
        flyers.append(
            Flyer(
                street=street,
                events=events_near(street, now=now),
                projects=projects_near(street),
                subscribe_url=subscribe,
                sign_up_url=sign_up,
                subscribe_qr=qr_svg(subscribe, title=subscribe_title % {"ward": street.ward.name}),
                sign_up_qr=sign_up_qr,
            )
        )
    return flyers
