"""Calendar feeds (iCalendar) of one event, a series, a place and a person's own events, and
the page that gives a person their private calendar link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.places.models import Place

from .. import feeds, permissions, selectors
from ..models import Event, Rsvp, Series
from ..services import feeds as services


def _ics(body: str, *, filename: str, download: bool = False, private: bool = False):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if private:
        # Holds a link to join online, or says what one person is going to.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _may_join_online(user, event: Event) -> bool:
    if not permissions.can_take_part(user) or event.is_cancelled:
        return False
    if event.rsvps.filter(user=user, status=Rsvp.Status.CONFIRMED).exists():
        return True
    return permissions.can_manage(user, event)


@require_GET
def event_ics(request, pk: int):
    """One event to download; with the link to join online for people who have a place."""
    event = feeds.event_for_feed(pk)
    if event is None:
        raise Http404
    online_link = bool(event.online_url) and _may_join_online(request.user, event)
    body = feeds.event_calendar(event, online_link=online_link)
    return _ics(body, filename=f"event-{event.pk}.ics", download=True, private=online_link)


@require_GET
def series_ics(request, slug: str):
    series = get_object_or_404(Series, slug=slug)
    body = feeds.public_calendar(series.title, feeds.series_events(series))
    return _ics(body, filename=f"{series.slug}.ics")


@require_GET
def place_ics(request, pk: int):
    place = get_object_or_404(Place, pk=pk, is_listed=True)
    body = feeds.public_calendar(place.name, feeds.place_events(place))
    return _ics(body, filename=f"place-{place.pk}.ics")


@require_GET
def person_ics(request, token: str):
    """A person's events, found by their private link: calendar programs cannot sign in."""
    user = feeds.owner_of_link(token)
    if user is None:
        raise Http404
    body = feeds.person_calendar(_("Events you are going to"), feeds.rsvps_for_feed(user))
    return _ics(body, filename="my-events.ics", private=True)


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request):
    """The person's private calendar link. Only a POST makes one, or replaces it."""
    feed = feeds.link_of(request.user)
    if request.method == "POST":
        if feed is None:
            services.calendar_feed_get_or_create(user=request.user)
            messages.success(request, _("Your calendar link is ready."))
        else:
            services.calendar_feed_renew(user=request.user)
            messages.success(
                request,
                _("Your new link is ready. The old link has stopped working."),
            )
        return redirect("gatherings:my_calendar")
    context = {"feed": feed, "rsvps": selectors.events_of(request.user)}
    if feed is not None:
        link = settings.SITE_URL + reverse("gatherings:person_ics", args=[feed.token])
        context |= {
            "link": link,
            "webcal_link": "webcal://" + link.split("://", 1)[-1],
            "download_link": reverse("gatherings:person_ics", args=[feed.token]),
        }
    response = render(request, "gatherings/my_calendar.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
