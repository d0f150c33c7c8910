"""Tests of services.events: putting events on, changing and cancelling them, adding organisers,
and series' addresses."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event, Rsvp, Series
from coproduce.gatherings.services import events as services
from coproduce.gatherings.services import organisers, rsvps
from coproduce.groups.tests.factories import OrganisationFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import PlaceFactory

from .event_setup import join, organised_event, real_counts, stored_counts, told, update_event
from .factories import NOW, EventFactory, SeriesFactory, at, officer, organiser

pytestmark = pytest.mark.django_db


def _create(by, **overrides):
    details = {
        "title": "Open Space: what next for the high street?",
        "summary": "Bring a question; we make the agenda together.",
        "kind": Event.Kind.OPEN_SPACE,
        "starts_at": at(20, 10),
        "ends_at": at(20, 16),
        "place": PlaceFactory(),
        "now": NOW,
    }
    details.update(overrides)
    return services.event_create(by=by, **details)


# Putting events on


def test_organiser_puts_on_an_event_and_organises_it():
    """Someone with the organiser role creates an event and becomes its first organiser."""
    person = organiser()
    event = _create(person, access_provisions=["creche", "bsl", "creche"])
    assert list(event.organisers.all()) == [person]
    assert event.access_provisions == ["creche", "bsl"]
    assert event.status == Event.Status.SCHEDULED


def test_officer_puts_on_an_event():
    """A council officer may put on an event."""
    assert _create(officer()).pk is not None


def test_resident_cannot_put_on_an_event():
    """Someone with no organiser role is refused, and nothing is stored."""
    with pytest.raises(Refusal, match="Only organisers and council officers"):
        _create(UserFactory())
    assert not Event.objects.exists()


def test_signed_out_visitor_cannot_put_on_an_event():
    """A visitor who is not signed in is refused."""
    with pytest.raises(Refusal):
        _create(AnonymousUser())


def test_end_before_start_is_refused():
    """An event must end after it starts."""
    with pytest.raises(Refusal, match="end must be after the start"):
        _create(organiser(), starts_at=at(20, 16), ends_at=at(20, 10))


def test_start_in_the_past_is_refused():
    """An event must start after now."""
    with pytest.raises(Refusal, match="start must be in the future"):
        _create(organiser(), starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1))


def test_event_needs_a_place_or_an_online_link():
    """With no place and no link, nobody would know where to go."""
    with pytest.raises(Refusal, match="Choose a place, or give a link"):
        _create(organiser(), place=None, online_url="")


def test_online_event_needs_no_place():
    """A link to join online is enough."""
    event = _create(organiser(), place=None, online_url="https://meet.example.org/high-street")
    assert event.is_online


def test_unknown_access_provision_is_refused():
    """Only access support from the fixed list can be offered."""
    with pytest.raises(Refusal, match="access support from the list"):
        _create(organiser(), access_provisions=["creche", "jetpack"])


def test_naive_times_are_a_programming_error():
    """Naive datetimes raise ValueError rather than being guessed at."""
    with pytest.raises(ValueError, match="aware"):
        _create(organiser(), starts_at=at(20, 10).replace(tzinfo=None))


@pytest.mark.parametrize("capacity", [0, 100_001])
def test_capacity_out_of_range_is_refused(capacity):
    """Places must be from 1 to 100,000 (or no limit)."""
    with pytest.raises(Refusal, match="how many places"):
        _create(organiser(), capacity=capacity)


def test_only_series_organisers_add_events_to_a_series():
    """Another organiser cannot add an event to someone else's series."""
    series = SeriesFactory(organisers=[organiser()])
    with pytest.raises(Refusal, match="series' organisers"):
        _create(organiser(), series=series)


def test_event_in_a_series_is_run_by_the_series_group():
    """An event added to a series is run by the series' group unless told otherwise."""
    person = organiser()
    group = OrganisationFactory()
    series = SeriesFactory(organisers=[person], group=group)
    assert _create(person, series=series).group == group


def test_series_gets_a_unique_short_name():
    """Two series with the same title get different slugs, and the creator organises both."""
    person = organiser()
    first = services.series_create(
        title="Monthly set", summary="Once a month.", kind="forum", by=person
    )
    second = services.series_create(title="Monthly set", summary="Again.", kind="forum", by=person)
    assert (first.slug, second.slug) == ("monthly-set", "monthly-set-2")
    assert list(second.organisers.all()) == [person]


def test_resident_cannot_set_up_a_series():
    """Setting up a series needs the organiser role too."""
    with pytest.raises(Refusal):
        services.series_create(title="Set", summary="Monthly.", kind="forum", by=UserFactory())
    assert not Series.objects.exists()


# Changing events


def test_places_cannot_drop_below_those_taken():
    """With three places taken, capacity cannot be set to two."""
    event, person = organised_event(capacity=5)
    for _ in range(3):
        join(event)
    with pytest.raises(Refusal, match="3 people already have a place"):
        update_event(event, person, capacity=2)
    event.refresh_from_db()
    assert event.capacity == 5


def test_more_places_move_people_up_first_come_first_served():
    """Raising capacity by two confirms the two who joined the waiting list first."""
    event, person = organised_event(capacity=1)
    join(event)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    for minutes, user in enumerate([first, second, third]):
        rsvps.rsvp_join(event=event, user=user, now=NOW + timedelta(minutes=minutes))
    update_event(event, person, capacity=3)
    statuses = dict(Rsvp.objects.filter(event=event).values_list("user", "status"))
    assert statuses[first.pk] == statuses[second.pk] == Rsvp.Status.CONFIRMED
    assert statuses[third.pk] == Rsvp.Status.WAITING
    assert stored_counts(event) == real_counts(event) == (3, 1)


def test_people_moved_up_are_told():
    """Whoever moves up from the waiting list gets a notification saying so."""
    event, person = organised_event(capacity=1)
    join(event)
    waiting = UserFactory()
    join(event, waiting)
    update_event(event, person, capacity=2)
    assert told(waiting)[-1].startswith("You have moved up from the waiting list")


def test_no_limit_moves_everyone_up():
    """Removing the limit on places confirms everyone waiting."""
    event, person = organised_event(capacity=1)
    for _ in range(3):
        join(event)
    update_event(event, person, capacity=None)
    assert stored_counts(event) == real_counts(event) == (3, 0)


def test_new_time_is_told_to_people_with_a_place_only():
    """Moving the event tells those going, not those waiting."""
    event, person = organised_event(capacity=1)
    going, waiting = UserFactory(), UserFactory()
    join(event, going)
    join(event, waiting)
    update_event(event, person, starts_at=at(18, 18), ends_at=at(18, 20))
    assert told(going)[-1] == f"Change to {event.title}"
    assert not any(title.startswith("Change to") for title in told(waiting))


def test_new_time_says_when_it_is_now():
    """The notification of a change gives the new day and time."""
    event, person = organised_event()
    going = UserFactory()
    join(event, going)
    update_event(event, person, starts_at=at(18, 19), ends_at=at(18, 21))
    change = Notification.objects.filter(recipient=going, title__startswith="Change").get()
    assert "Tuesday 18 June 2030, 7pm to 9pm" in change.body


def test_new_time_resets_the_day_before_reminder():
    """Those already reminded will be reminded again before the new date."""
    event, person = organised_event()
    rsvp = join(event)
    Rsvp.objects.filter(pk=rsvp.pk).update(reminder_sent_at=NOW)
    update_event(event, person, starts_at=at(24, 18), ends_at=at(24, 20))
    rsvp.refresh_from_db()
    assert rsvp.reminder_sent_at is None


def test_new_wording_alone_tells_nobody():
    """A change of description only is no news for those going, and keeps their reminder."""
    event, person = organised_event()
    rsvp = join(event)
    Rsvp.objects.filter(pk=rsvp.pk).update(reminder_sent_at=NOW)
    update_event(event, person, description="Tea and biscuits provided.")
    rsvp.refresh_from_db()
    assert rsvp.reminder_sent_at == NOW
    assert not Notification.objects.filter(title__startswith="Change").exists()


def test_moving_the_start_into_the_past_is_refused():
    """A changed start must still be in the future, as when the event was put on."""
    event, person = organised_event()
    with pytest.raises(Refusal, match="start must be in the future"):
        update_event(
            event, person, starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1)
        )
    event.refresh_from_db()
    assert event.starts_at == at(17, 18)


def test_event_under_way_can_still_be_corrected():
    """With its start unchanged, an event that has started can have its details fixed."""
    event, person = organised_event()
    changed = update_event(event, person, summary="Now with tea.", now=event.starts_at)
    assert changed.summary == "Now with tea."


def test_every_change_bumps_the_calendar_sequence():
    """Calendar programs pick up a change because SEQUENCE goes up."""
    event, person = organised_event()
    assert update_event(event, person, description="Now with tea.").sequence == event.sequence + 1


def test_only_organisers_change_an_event():
    """Someone with a place cannot change the event."""
    event, _person = organised_event()
    attendee = UserFactory()
    join(event, attendee)
    with pytest.raises(Refusal, match="Only the event's organisers can change it"):
        update_event(event, attendee, title="Mine now")


def test_officer_changes_any_event():
    """Officers may change an event they do not organise."""
    event, _person = organised_event()
    assert update_event(event, officer(), title="Renamed").title == "Renamed"


def test_organiser_of_the_group_changes_its_events():
    """An organiser of the group that runs the event may change it."""
    membership = OrganiserFactory()
    event = EventFactory(group=membership.organisation)
    assert update_event(event, membership.user, title="Renamed").title == "Renamed"


# Cancelling events


def test_cancelling_tells_everyone_going_or_waiting():
    """Those with a place and those waiting are told, with the reason; those who left are not."""
    event, person = organised_event(capacity=1)
    going, waiting, left = UserFactory(), UserFactory(), UserFactory()
    join(event, going)
    join(event, waiting)
    rsvps.rsvp_cancel(rsvp=join(event, left), by=left, now=NOW)
    services.event_cancel(event=event, by=person, reason="The hall roof is leaking.")
    for user in (going, waiting):
        notice = Notification.objects.get(recipient=user, title__startswith="Cancelled")
        assert "The hall roof is leaking." in notice.body
    assert not Notification.objects.filter(recipient=left, title__startswith="Cancelled").exists()
    event.refresh_from_db()
    assert event.is_cancelled and event.cancel_reason == "The hall roof is leaking."


def test_cancelling_needs_a_reason():
    """A blank reason is refused and the event goes ahead."""
    event, person = organised_event()
    with pytest.raises(Refusal, match="Give a reason"):
        services.event_cancel(event=event, by=person, reason="   ")
    event.refresh_from_db()
    assert not event.is_cancelled


def test_only_organisers_cancel_an_event():
    """Someone else is refused."""
    event, _person = organised_event()
    with pytest.raises(Refusal, match="Only the event's organisers can cancel it"):
        services.event_cancel(event=event, by=UserFactory(), reason="Because.")


def test_cancelled_event_cannot_be_cancelled_or_changed_again():
    """Once cancelled, it stays cancelled: no second cancellation, no changes."""
    event, person = organised_event()
    services.event_cancel(event=event, by=person, reason="Snow.")
    with pytest.raises(Refusal, match="already been cancelled"):
        services.event_cancel(event=event, by=person, reason="Snow.")
    with pytest.raises(Refusal, match="has been cancelled"):
        update_event(event, person, title="Back on")


# Organisers


def test_organiser_asks_a_facilitator_who_can_manage_once_they_accept():
    """Someone asked to help run an event cannot manage it until they say yes."""
    event, person = organised_event()
    facilitator = UserFactory()
    invitation = organisers.event_organiser_invite(event=event, person=facilitator, by=person)
    assert not event.organisers.filter(pk=facilitator.pk).exists()
    with pytest.raises(Refusal):
        update_event(event, facilitator, title="Too soon")
    organisers.event_organiser_invitation_respond(
        user=facilitator, invitation=invitation, accept=True
    )
    assert update_event(event, facilitator, title="Facilitated").title == "Facilitated"


def test_only_organisers_add_organisers():
    """Someone else cannot make themself an organiser."""
    event, _person = organised_event()
    intruder = UserFactory()
    with pytest.raises(Refusal):
        organisers.event_organiser_invite(event=event, person=intruder, by=intruder)
    assert not event.organisers.filter(pk=intruder.pk).exists()


def test_series_with_the_same_title_get_their_own_addresses():
    """The second "Monthly set" is at monthly-set-2, and both are kept."""
    person = organiser()
    first = services.series_create(title="Monthly set", summary="s", kind="talk", by=person)
    second = services.series_create(title="Monthly set", summary="s", kind="talk", by=person)
    assert (first.slug, second.slug) == ("monthly-set", "monthly-set-2")


def test_a_taken_address_found_only_at_saving_moves_on_to_the_next(monkeypatch):
    """If another request takes the address between the check and the save, the next one is
    used instead of failing."""
    person = organiser()
    services.series_create(title="Monthly set", summary="s", kind="talk", by=person)
    real_filter = Series.objects.filter
    calls = {"n": 0}

    def blind_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # the first look misses the row another request just saved
            return real_filter(slug="no-such-address")
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Series.objects, "filter", blind_once)
    second = services.series_create(title="Monthly set", summary="s", kind="talk", by=person)
    assert second.slug == "monthly-set-2"
