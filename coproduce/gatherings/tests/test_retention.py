from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.services.retention import access_needs_forget
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import NOW, EventFactory, at

pytestmark = pytest.mark.django_db


def _place(event) -> Rsvp:
    return rsvp_join(
        event=event,
        user=UserFactory(),
        access_requests=["bsl"],
        access_note="I lip-read too.",
        now=event.starts_at - timedelta(days=2),
    )


def _event(ends_days_ago: int):
    starts = NOW - timedelta(days=ends_days_ago, hours=2)
    return EventFactory(
        starts_at=starts, ends_at=starts + timedelta(hours=2), access_provisions=["bsl"]
    )


def test_access_needs_are_wiped_30_days_after_the_event():
    """Requests and notes go; the place and whether the person came stay."""
    place = _place(_event(ends_days_ago=31))
    Rsvp.objects.filter(pk=place.pk).update(attended=True)
    assert access_needs_forget(now=NOW) == 1
    place.refresh_from_db()
    assert (place.access_requests, place.access_note) == ([], "")
    assert place.status == Rsvp.Status.CONFIRMED and place.attended is True


def test_access_needs_of_recent_and_coming_events_are_kept():
    """Organisers still need them within 30 days of the event, and before it."""
    recent = _place(_event(ends_days_ago=29))
    coming = _place(EventFactory(starts_at=at(20), ends_at=at(20, 20), access_provisions=["bsl"]))
    assert access_needs_forget(now=NOW) == 0
    for place in (recent, coming):
        place.refresh_from_db()
        assert place.access_requests == ["bsl"]


def test_wiping_twice_finds_nothing_the_second_time():
    """The daily command can run any number of times."""
    _place(_event(ends_days_ago=40))
    assert access_needs_forget(now=NOW) == 1
    assert access_needs_forget(now=NOW) == 0


def test_the_daily_command_wipes_old_access_needs(capsys):
    """send_gathering_reminders also does the wipe, and says how many it wiped."""
    # The command reads the real clock, so this event ended 40 real days ago.
    starts = timezone.now() - timedelta(days=40)
    _place(
        EventFactory(
            starts_at=starts, ends_at=starts + timedelta(hours=2), access_provisions=["bsl"]
        )
    )
    call_command("send_gathering_reminders")
    assert "Wiped the access needs of 1 places" in capsys.readouterr().out
    assert not Rsvp.objects.exclude(access_requests=[]).exists()
