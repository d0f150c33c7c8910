"""Every kind of gatherings page, filled with the demo borough's year of events, passes
axe-core's WCAG 2.2 A and AA rules for a visitor, a resident and the set's organiser, opens
without error, and has one h1 and a title. The site-wide crawl reaches only some of them."""

from django.urls import reverse
from django.utils import timezone

from coproduce.gatherings.models import AgendaItem, Barrier, BarrierTheme, Event, Series, Treatment

from .axe import axe_violations
from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _public_paths() -> list[str]:
    now = timezone.now()
    learning = Series.objects.get(kind=Event.Kind.ACTION_LEARNING_SET)
    upcoming = Event.objects.filter(series=learning, starts_at__gt=now).order_by("starts_at")[0]
    full = Event.objects.filter(starts_at__gt=now, capacity__isnull=False, waiting_count__gt=0)[0]
    with_agenda = AgendaItem.objects.filter(status="scheduled").select_related("event")[0].event
    treatment = Treatment.objects.filter(status="accepted", barriers__isnull=False).distinct()[0]
    theme = BarrierTheme.objects.filter(barriers__busted_at__isnull=False).distinct()[0]
    return [
        reverse("gatherings:list"),
        reverse("gatherings:list") + "?kind=workshop",
        reverse("gatherings:series_list"),
        reverse("gatherings:series", args=[learning.slug]),
        reverse("gatherings:event", args=[upcoming.pk]),
        reverse("gatherings:event", args=[full.pk]),
        reverse("gatherings:agenda", args=[with_agenda.pk]),
        reverse("gatherings:board", args=[with_agenda.pk]),
        reverse("gatherings:treatment", args=[treatment.pk]),
        reverse("gatherings:library"),
        reverse("gatherings:barrier_theme", args=[theme.slug]),
    ]


def _organiser_paths() -> list[str]:
    now = timezone.now()
    learning = Series.objects.get(kind=Event.Kind.ACTION_LEARNING_SET)
    upcoming = Event.objects.filter(series=learning, starts_at__gt=now).order_by("starts_at")[0]
    past = Event.objects.filter(series=learning, ends_at__lt=now).order_by("-starts_at")[0]
    item = AgendaItem.objects.exclude(status="withdrawn").filter(
        event__organisers__email=f"organiser{DEMO}"
    )[0]
    barrier = Barrier.objects.filter(treatment__event__series=learning)[0]
    return [
        reverse("gatherings:event_create"),
        reverse("gatherings:series_create"),
        reverse("gatherings:series_edit", args=[learning.slug]),
        reverse("gatherings:event_edit", args=[upcoming.pk]),
        reverse("gatherings:event_cancel", args=[upcoming.pk]),
        reverse("gatherings:attendees", args=[upcoming.pk]),
        reverse("gatherings:attendance", args=[past.pk]),
        reverse("gatherings:treatment_propose", args=[upcoming.pk]),
        reverse("gatherings:agenda_arrange", args=[item.pk]),
        reverse("gatherings:barrier_link", args=[barrier.pk]),
        reverse("gatherings:report_back", args=[barrier.treatment_id]),
        reverse("gatherings:mine"),
        reverse("gatherings:my_calendar"),
    ]


def _resident_paths() -> list[str]:
    upcoming = Event.objects.filter(
        starts_at__gt=timezone.now(), status=Event.Status.SCHEDULED
    ).order_by("starts_at")[0]
    return [
        reverse("gatherings:mine"),
        reverse("gatherings:my_actions"),
        reverse("gatherings:my_calendar"),
        reverse("gatherings:rsvp", args=[upcoming.pk]),
    ]


def _check(page, base_url: str, axe_source: str, paths: list[str], label: str) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(base_url + path)
        where = f"{label} {path}"
        if response is None or response.status >= 400:
            problems.append(f"{where}: HTTP {response.status if response else 'none'}")
            continue
        if page.locator("h1").count() != 1:
            problems.append(f"{where}: {page.locator('h1').count()} h1 headings")
        if not page.title().strip():
            problems.append(f"{where}: no title")
        problems += [str(v) for v in axe_violations(page, axe_source, label=where)]
    return problems


def test_every_gatherings_page_is_accessible(page, live_server, axe_source, demo_borough):
    """Each gatherings page, as visitor, resident and organiser, has no axe violation."""
    public = _public_paths()
    problems = _check(page, live_server.url, axe_source, public, "visitor")
    sign_in(page, live_server.url, f"resident{DEMO}")
    problems += _check(page, live_server.url, axe_source, public + _resident_paths(), "resident")
    page.goto(f"{live_server.url}/")
    page.context.clear_cookies()
    sign_in(page, live_server.url, f"organiser{DEMO}")
    problems += _check(page, live_server.url, axe_source, _organiser_paths(), "organiser")
    assert not problems, "\n".join(problems)
