"""Tests of services.events (series and events) and services.places (places at them), which
share their set-up."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Event, Rsvp, Series
from coproduce.gatherings.selectors import waiting_position
from coproduce.gatherings.services import GatheringRefusal, places
from coproduce.gatherings.services import events as services
from coproduce.groups.tests.factories import OrganisationFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import PlaceFactory

from .factories import NOW, AgendaItemFactory, EventFactory, SeriesFactory, at, officer, organiser

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


def _update(event, by, **overrides):
    details = {
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "description": event.description,
        "place": event.place,
        "online_url": event.online_url,
        "capacity": event.capacity,
        "access_provisions": event.access_provisions,
        "agenda_open": event.agenda_open,
        "now": NOW,
    }
    details.update(overrides)
    return services.event_update(event=event, by=by, **details)


def _join(event, user=None, **kwargs):
    return places.rsvp_join(event=event, user=user or UserFactory(), now=NOW, **kwargs)


def _told(user, kind="event_place"):
    return list(
        Notification.objects.filter(recipient=user, kind=kind)
        .order_by("created_at", "pk")
        .values_list("title", flat=True)
    )


def _real_counts(event):
    return (
        Rsvp.objects.filter(event=event, status=Rsvp.Status.CONFIRMED).count(),
        Rsvp.objects.filter(event=event, status=Rsvp.Status.WAITING).count(),
    )


def _stored_counts(event):
    event.refresh_from_db()
    return event.confirmed_count, event.waiting_count


def _organised_event(**kwargs):
    person = organiser()
    return EventFactory(organisers=[person], **kwargs), person


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
    with pytest.raises(GatheringRefusal, match="Only organisers and council officers"):
        _create(UserFactory())
    assert not Event.objects.exists()


def test_signed_out_visitor_cannot_put_on_an_event():
    """A visitor who is not signed in is refused."""
    with pytest.raises(GatheringRefusal):
        _create(AnonymousUser())


def test_end_before_start_is_refused():
    """An event must end after it starts."""
    with pytest.raises(GatheringRefusal, match="end must be after the start"):
        _create(organiser(), starts_at=at(20, 16), ends_at=at(20, 10))


def test_start_in_the_past_is_refused():
    """An event must start after now."""
    with pytest.raises(GatheringRefusal, match="start must be in the future"):
        _create(organiser(), starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1))


def test_event_needs_a_place_or_an_online_link():
    """With no place and no link, nobody would know where to go."""
    with pytest.raises(GatheringRefusal, match="Choose a place, or give a link"):
        _create(organiser(), place=None, online_url="")


def test_online_event_needs_no_place():
    """A link to join online is enough."""
    event = _create(organiser(), place=None, online_url="https://meet.example.org/high-street")
    assert event.is_online


def test_unknown_access_provision_is_refused():
    """Only access support from the fixed list can be offered."""
    with pytest.raises(GatheringRefusal, match="access support from the list"):
        _create(organiser(), access_provisions=["creche", "jetpack"])


def test_naive_times_are_a_programming_error():
    """Naive datetimes raise ValueError rather than being guessed at."""
    with pytest.raises(ValueError, match="aware"):
        _create(organiser(), starts_at=at(20, 10).replace(tzinfo=None))


@pytest.mark.parametrize("capacity", [0, 100_001])
def test_capacity_out_of_range_is_refused(capacity):
    """Places must be from 1 to 100,000 (or no limit)."""
    with pytest.raises(GatheringRefusal, match="number of places"):
        _create(organiser(), capacity=capacity)


def test_only_series_organisers_add_events_to_a_series():
    """Another organiser cannot add an event to someone else's series."""
    series = SeriesFactory(organisers=[organiser()])
    with pytest.raises(GatheringRefusal, match="series' organisers"):
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
    with pytest.raises(GatheringRefusal):
        services.series_create(title="Set", summary="Monthly.", kind="forum", by=UserFactory())
    assert not Series.objects.exists()


# Changing events


def test_places_cannot_drop_below_those_taken():
    """With three places taken, capacity cannot be set to two."""
    event, person = _organised_event(capacity=5)
    for _ in range(3):
        _join(event)
    with pytest.raises(GatheringRefusal, match="3 people already have a place"):
        _update(event, person, capacity=2)
    event.refresh_from_db()
    assert event.capacity == 5


def test_more_places_move_people_up_first_come_first_served():
    """Raising capacity by two confirms the two who joined the waiting list first."""
    event, person = _organised_event(capacity=1)
    _join(event)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    for minutes, user in enumerate([first, second, third]):
        places.rsvp_join(event=event, user=user, now=NOW + timedelta(minutes=minutes))
    _update(event, person, capacity=3)
    statuses = dict(Rsvp.objects.filter(event=event).values_list("user", "status"))
    assert statuses[first.pk] == statuses[second.pk] == Rsvp.Status.CONFIRMED
    assert statuses[third.pk] == Rsvp.Status.WAITING
    assert _stored_counts(event) == _real_counts(event) == (3, 1)


def test_people_moved_up_are_told():
    """Whoever moves up from the waiting list gets a notification saying so."""
    event, person = _organised_event(capacity=1)
    _join(event)
    waiting = UserFactory()
    _join(event, waiting)
    _update(event, person, capacity=2)
    assert _told(waiting)[-1].startswith("You have moved up from the waiting list")


def test_no_limit_moves_everyone_up():
    """Removing the limit on places confirms everyone waiting."""
    event, person = _organised_event(capacity=1)
    for _ in range(3):
        _join(event)
    _update(event, person, capacity=None)
    assert _stored_counts(event) == _real_counts(event) == (3, 0)


def test_new_time_is_told_to_people_with_a_place_only():
    """Moving the event tells those going, not those waiting."""
    event, person = _organised_event(capacity=1)
    going, waiting = UserFactory(), UserFactory()
    _join(event, going)
    _join(event, waiting)
    _update(event, person, starts_at=at(18, 18), ends_at=at(18, 20))
    assert _told(going)[-1] == f"Change to {event.title}"
    assert not any(title.startswith("Change to") for title in _told(waiting))


def test_new_time_says_when_it_is_now():
    """The notification of a change gives the new day and time."""
    event, person = _organised_event()
    going = UserFactory()
    _join(event, going)
    _update(event, person, starts_at=at(18, 19), ends_at=at(18, 21))
    change = Notification.objects.filter(recipient=going, title__startswith="Change").get()
    assert "Tuesday 18 June 2030, 19:00 to 21:00" in change.body


def test_new_time_resets_the_day_before_reminder():
    """Those already reminded will be reminded again before the new date."""
    event, person = _organised_event()
    rsvp = _join(event)
    Rsvp.objects.filter(pk=rsvp.pk).update(reminder_sent_at=NOW)
    _update(event, person, starts_at=at(24, 18), ends_at=at(24, 20))
    rsvp.refresh_from_db()
    assert rsvp.reminder_sent_at is None


def test_new_wording_alone_tells_nobody():
    """A change of description only is no news for those going, and keeps their reminder."""
    event, person = _organised_event()
    rsvp = _join(event)
    Rsvp.objects.filter(pk=rsvp.pk).update(reminder_sent_at=NOW)
    _update(event, person, description="Tea and biscuits provided.")
    rsvp.refresh_from_db()
    assert rsvp.reminder_sent_at == NOW
    assert not Notification.objects.filter(title__startswith="Change").exists()


def test_moving_the_start_into_the_past_is_refused():
    """A changed start must still be in the future, as when the event was put on."""
    event, person = _organised_event()
    with pytest.raises(GatheringRefusal, match="start must be in the future"):
        _update(event, person, starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1))
    event.refresh_from_db()
    assert event.starts_at == at(17, 18)


def test_event_under_way_can_still_be_corrected():
    """With its start unchanged, an event that has started can have its details fixed."""
    event, person = _organised_event()
    changed = _update(event, person, summary="Now with tea.", now=event.starts_at)
    assert changed.summary == "Now with tea."


def test_every_change_bumps_the_calendar_sequence():
    """Calendar programs pick up a change because SEQUENCE goes up."""
    event, person = _organised_event()
    assert _update(event, person, description="Now with tea.").sequence == event.sequence + 1


def test_only_organisers_change_an_event():
    """Someone with a place cannot change the event."""
    event, _person = _organised_event()
    attendee = UserFactory()
    _join(event, attendee)
    with pytest.raises(GatheringRefusal, match="Only the event's organisers can change it"):
        _update(event, attendee, title="Mine now")


def test_officer_changes_any_event():
    """Officers may change an event they do not organise."""
    event, _person = _organised_event()
    assert _update(event, officer(), title="Renamed").title == "Renamed"


def test_organiser_of_the_group_changes_its_events():
    """An organiser of the group that runs the event may change it."""
    membership = OrganiserFactory()
    event = EventFactory(group=membership.organisation)
    assert _update(event, membership.user, title="Renamed").title == "Renamed"


# Cancelling events


def test_cancelling_tells_everyone_going_or_waiting():
    """Those with a place and those waiting are told, with the reason; those who left are not."""
    event, person = _organised_event(capacity=1)
    going, waiting, left = UserFactory(), UserFactory(), UserFactory()
    _join(event, going)
    _join(event, waiting)
    places.rsvp_cancel(rsvp=_join(event, left), by=left, now=NOW)
    services.event_cancel(event=event, by=person, reason="The hall roof is leaking.")
    for user in (going, waiting):
        notice = Notification.objects.get(recipient=user, title__startswith="Cancelled")
        assert "The hall roof is leaking." in notice.body
    assert not Notification.objects.filter(recipient=left, title__startswith="Cancelled").exists()
    event.refresh_from_db()
    assert event.is_cancelled and event.cancel_reason == "The hall roof is leaking."


def test_cancelling_needs_a_reason():
    """A blank reason is refused and the event goes ahead."""
    event, person = _organised_event()
    with pytest.raises(GatheringRefusal, match="Give a reason"):
        services.event_cancel(event=event, by=person, reason="   ")
    event.refresh_from_db()
    assert not event.is_cancelled


def test_only_organisers_cancel_an_event():
    """Someone else is refused."""
    event, _person = _organised_event()
    with pytest.raises(GatheringRefusal, match="Only the event's organisers can cancel it"):
        services.event_cancel(event=event, by=UserFactory(), reason="Because.")


def test_cancelled_event_cannot_be_cancelled_or_changed_again():
    """Once cancelled, it stays cancelled: no second cancellation, no changes."""
    event, person = _organised_event()
    services.event_cancel(event=event, by=person, reason="Snow.")
    with pytest.raises(GatheringRefusal, match="already been cancelled"):
        services.event_cancel(event=event, by=person, reason="Snow.")
    with pytest.raises(GatheringRefusal, match="has been cancelled"):
        _update(event, person, title="Back on")


# Places and the waiting list


def test_places_are_confirmed_while_left_then_people_wait():
    """With two places, the first two are confirmed and the third waits."""
    event = EventFactory(capacity=2)
    statuses = [_join(event).status for _ in range(3)]
    assert statuses == [Rsvp.Status.CONFIRMED, Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING]
    assert _stored_counts(event) == (2, 1)


def test_getting_a_place_and_waiting_are_each_told():
    """The person confirmed is told they have a place; the one waiting that they wait."""
    event = EventFactory(capacity=1)
    going, waiting = UserFactory(), UserFactory()
    _join(event, going)
    _join(event, waiting)
    assert _told(going) == [f"You have a place: {event.title}"]
    assert _told(waiting) == [f"You are on the waiting list: {event.title}"]


def test_no_limit_confirms_everyone():
    """An event with no capacity never has a waiting list."""
    event = EventFactory(capacity=None)
    assert {_join(event).status for _ in range(5)} == {Rsvp.Status.CONFIRMED}


def test_joining_twice_changes_only_what_was_asked_for():
    """A second RSVP keeps the place and its queue time, and updates the access requests."""
    event = EventFactory(capacity=1, access_provisions=["creche", "bsl"])
    user = UserFactory()
    first = _join(event, user)
    again = places.rsvp_join(
        event=event,
        user=user,
        access_requests=["bsl"],
        access_note="I lip-read too.",
        now=NOW + timedelta(hours=1),
    )
    assert again.pk == first.pk
    assert again.status == Rsvp.Status.CONFIRMED
    assert again.queued_at == first.queued_at
    assert (again.access_requests, again.access_note) == (["bsl"], "I lip-read too.")
    assert _stored_counts(event) == _real_counts(event) == (1, 0)
    assert len(_told(user)) == 1


def test_organisers_hear_of_access_requests():
    """Asking for support tells the organisers (daily), saying what was asked for."""
    event, person = _organised_event(access_provisions=["creche"])
    _join(event, access_requests=["creche"])
    [notice] = Notification.objects.filter(recipient=person, kind="event_for_organiser")
    assert "Crèche" in notice.body


def test_support_not_offered_is_refused_clearly():
    """Asking for a BSL interpreter when none is offered names it and points to the note."""
    event = EventFactory(access_provisions=["creche"])
    with pytest.raises(GatheringRefusal) as refused:
        _join(event, access_requests=["bsl"])
    assert str(refused.value) == (
        "This event does not offer: British Sign Language (BSL) interpreter. "
        "Tell the organisers in the note instead."
    )
    assert not Rsvp.objects.exists()


def test_support_not_on_the_list_is_refused():
    """An unknown kind of support is refused."""
    with pytest.raises(GatheringRefusal, match="access support from the list"):
        _join(EventFactory(), access_requests=["helicopter"])


def test_giving_up_a_place_moves_the_first_waiting_person_up():
    """When someone with a place leaves, the first in the queue gets it and is told."""
    event = EventFactory(capacity=1)
    going = _join(event)
    first, second = UserFactory(), UserFactory()
    places.rsvp_join(event=event, user=first, now=NOW + timedelta(minutes=1))
    places.rsvp_join(event=event, user=second, now=NOW + timedelta(minutes=2))
    places.rsvp_cancel(rsvp=going, by=going.user, now=NOW)
    assert Rsvp.objects.get(event=event, user=first).status == Rsvp.Status.CONFIRMED
    assert Rsvp.objects.get(event=event, user=second).status == Rsvp.Status.WAITING
    assert _told(first)[-1] == f"You have moved up from the waiting list: {event.title}"
    assert _stored_counts(event) == _real_counts(event) == (1, 1)


def test_leaving_the_waiting_list_moves_nobody_up():
    """A waiting person leaving frees no place; only the waiting count goes down."""
    event = EventFactory(capacity=1)
    _join(event)
    waiting, behind = _join(event), _join(event)
    places.rsvp_cancel(rsvp=waiting, by=waiting.user, now=NOW)
    behind.refresh_from_db()
    assert behind.status == Rsvp.Status.WAITING
    assert _stored_counts(event) == _real_counts(event) == (1, 1)


def test_someone_who_left_rejoins_at_the_back_of_the_queue():
    """A cancelled person may join again, but behind everyone already waiting."""
    event = EventFactory(capacity=1)
    _join(event)
    leaver = _join(event)
    behind = places.rsvp_join(event=event, user=UserFactory(), now=NOW + timedelta(minutes=1))
    places.rsvp_cancel(rsvp=leaver, by=leaver.user, now=NOW)
    again = places.rsvp_join(event=event, user=leaver.user, now=NOW + timedelta(minutes=2))
    assert again.pk == leaver.pk
    assert again.status == Rsvp.Status.WAITING
    assert (waiting_position(behind), waiting_position(again)) == (1, 2)
    assert _stored_counts(event) == _real_counts(event) == (1, 2)


def test_cannot_join_a_cancelled_event():
    """A cancelled event takes no RSVPs."""
    event, person = _organised_event()
    services.event_cancel(event=event, by=person, reason="Flooded.")
    with pytest.raises(GatheringRefusal, match="has been cancelled"):
        _join(event)


def test_cannot_join_an_event_that_has_started():
    """Places can't be taken once the event has started."""
    event = EventFactory(starts_at=NOW - timedelta(minutes=5))
    with pytest.raises(GatheringRefusal, match="already started"):
        _join(event)


def test_signed_out_visitor_cannot_join():
    """A place needs an account."""
    with pytest.raises(GatheringRefusal, match="Sign in"):
        places.rsvp_join(event=EventFactory(), user=AnonymousUser(), now=NOW)


def test_only_the_person_or_organisers_give_up_a_place():
    """Someone else cannot cancel another person's place; an organiser can."""
    event, person = _organised_event()
    rsvp = _join(event)
    with pytest.raises(GatheringRefusal, match="Only the person"):
        places.rsvp_cancel(rsvp=rsvp, by=UserFactory(), now=NOW)
    assert places.rsvp_cancel(rsvp=rsvp, by=person, now=NOW).status == Rsvp.Status.CANCELLED


def test_cannot_give_up_a_place_once_started():
    """After the start the list of who had a place is kept for attendance."""
    event = EventFactory()
    rsvp = _join(event)
    with pytest.raises(GatheringRefusal, match="already started"):
        places.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=event.starts_at)


def test_giving_up_twice_changes_nothing():
    """Cancelling a cancelled place is harmless and keeps the counts right."""
    event = EventFactory(capacity=2)
    rsvp = _join(event)
    places.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    places.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    assert _stored_counts(event) == _real_counts(event) == (0, 0)


def test_counts_always_equal_the_rows():
    """Through joins, leaves, rejoins and a capacity change, the counts match the rows."""
    event, person = _organised_event(capacity=3)
    people = [UserFactory() for _ in range(7)]
    rsvps = {}
    for minute, user in enumerate(people):
        rsvps[user.pk] = places.rsvp_join(
            event=event, user=user, now=NOW + timedelta(minutes=minute)
        )
        assert _stored_counts(event) == _real_counts(event)
    for user in (people[0], people[4], people[1]):
        places.rsvp_cancel(rsvp=rsvps[user.pk], by=user, now=NOW)
        assert _stored_counts(event) == _real_counts(event)
    places.rsvp_join(event=event, user=people[0], now=NOW + timedelta(minutes=30))
    assert _stored_counts(event) == _real_counts(event)
    event.refresh_from_db()
    _update(event, person, capacity=5)
    assert _stored_counts(event) == _real_counts(event) == (5, 0)


def test_the_database_refuses_overbooking():
    """The check constraint stops confirmed places passing capacity, whatever the code does."""
    event = EventFactory(capacity=2)
    _join(event)
    _join(event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(confirmed_count=3)


def test_the_database_refuses_an_end_before_the_start():
    """The check constraint stops an event ending before it starts."""
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(ends_at=event.starts_at)


# Attendance


def test_attendance_is_recorded_for_people_with_a_place():
    """Those ticked came; the others with a place did not."""
    event, person = _organised_event()
    came, stayed_away = _join(event), _join(event)
    assert (
        places.attendance_record(
            event=event, by=person, came=[came.pk], now=event.starts_at + timedelta(hours=3)
        )
        == 1
    )
    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert (came.attended, stayed_away.attended) == (True, False)
    event.refresh_from_db()
    assert event.attendance_recorded_at == event.starts_at + timedelta(hours=3)


def test_attendance_waits_for_the_start():
    """Nobody can be marked as having come before the event starts."""
    event, person = _organised_event()
    rsvp = _join(event)
    with pytest.raises(GatheringRefusal, match="once the event has started"):
        places.attendance_record(
            event=event, by=person, came=[rsvp.pk], now=event.starts_at - timedelta(minutes=1)
        )


def test_only_organisers_record_attendance():
    """Someone who came cannot record attendance."""
    event, _person = _organised_event()
    rsvp = _join(event)
    with pytest.raises(GatheringRefusal, match="Only the event's organisers"):
        places.attendance_record(event=event, by=rsvp.user, came=[rsvp.pk], now=event.ends_at)


def test_attendance_only_for_people_with_a_place():
    """Someone still waiting cannot be marked as having come."""
    event, person = _organised_event(capacity=1)
    going, waiting = _join(event), _join(event)
    with pytest.raises(GatheringRefusal, match="those with a place"):
        places.attendance_record(
            event=event, by=person, came=[going.pk, waiting.pk], now=event.ends_at
        )
    going.refresh_from_db()
    assert going.attended is None


# Bring a friend


def test_good_invitation_link_finds_the_place():
    """The link of someone with a place leads to their RSVP and its event."""
    rsvp = _join(EventFactory())
    found = places.rsvp_for_invitation(rsvp.invite_token)
    assert found == rsvp
    assert found.event == rsvp.event


def test_bad_invitation_link_finds_nothing():
    """A made-up token finds nothing."""
    _join(EventFactory())
    assert places.rsvp_for_invitation("not-a-real-token") is None


def test_invitation_of_someone_who_left_finds_nothing():
    """The link stops working when its owner gives up their place."""
    rsvp = _join(EventFactory())
    places.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    assert places.rsvp_for_invitation(rsvp.invite_token) is None


def test_invitation_to_a_cancelled_event_finds_nothing():
    """No invitations to an event that is not happening."""
    event, person = _organised_event()
    rsvp = _join(event)
    services.event_cancel(event=event, by=person, reason="Rain.")
    assert places.rsvp_for_invitation(rsvp.invite_token) is None


def test_friend_joining_by_invitation_records_who_invited_them():
    """The friend's RSVP names the person whose link it was."""
    event = EventFactory()
    host = _join(event)
    invitation = places.rsvp_for_invitation(host.invite_token)
    friend = _join(invitation.event, invited_by=invitation.user)
    assert friend.invited_by == host.user


def test_you_cannot_invite_yourself():
    """Following your own link records nobody as having invited you."""
    event = EventFactory(capacity=2)
    host = _join(event)
    places.rsvp_cancel(rsvp=host, by=host.user, now=NOW)
    again = _join(event, host.user, invited_by=host.user)
    assert again.invited_by is None


def test_each_place_has_its_own_invitation_link():
    """Two people's links differ."""
    event = EventFactory()
    assert _join(event).invite_token != _join(event).invite_token


# Organisers


def test_organiser_adds_a_facilitator_who_can_then_manage():
    """A co-organiser added by an organiser may change the event."""
    event, person = _organised_event()
    facilitator = UserFactory()
    services.event_organiser_add(event=event, person=facilitator, by=person)
    assert _update(event, facilitator, title="Facilitated").title == "Facilitated"


def test_only_organisers_add_organisers():
    """Someone else cannot make themself an organiser."""
    event, _person = _organised_event()
    intruder = UserFactory()
    with pytest.raises(GatheringRefusal):
        services.event_organiser_add(event=event, person=intruder, by=intruder)
    assert not event.organisers.filter(pk=intruder.pk).exists()


def test_deleting_an_account_keeps_the_counts_true_and_moves_the_queue():
    """When a person with a place is deleted, the next person waiting gets it and every count
    (places, waiting list, interest in agenda items) matches the rows left."""
    from coproduce.gatherings.models import AgendaItem
    from coproduce.gatherings.services.agenda import agenda_interest_toggle

    event = EventFactory(capacity=1, agenda_open=True, starts_at=at(20), ends_at=at(20, 20))
    leaving, waiting = UserFactory(), UserFactory()
    places.rsvp_join(event=event, user=leaving, now=NOW)
    places.rsvp_join(event=event, user=waiting, now=NOW)
    item = AgendaItemFactory(event=event)
    agenda_interest_toggle(item=item, by=leaving)
    leaving.delete()
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (1, 0)
    assert Rsvp.objects.get(event=event).user == waiting
    assert Rsvp.objects.get(event=event).status == Rsvp.Status.CONFIRMED
    assert AgendaItem.objects.get(pk=item.pk).interest_count == item.interests.count()


def test_deleting_an_account_takes_it_out_of_past_events_counts():
    """A past event's count of who had a place drops with the deleted person's row."""
    event = EventFactory(starts_at=at(20), ends_at=at(20, 20))
    person = UserFactory()
    places.rsvp_join(event=event, user=person, now=NOW)
    Event.objects.filter(pk=event.pk).update(
        starts_at=at(1, 10, year=2020), ends_at=at(1, 12, year=2020)
    )
    person.delete()
    event.refresh_from_db()
    assert event.confirmed_count == 0 == event.rsvps.count()


def test_deleting_an_event_moves_nobody_up_and_tells_nobody():
    """Places deleted with their event are not "let go": nobody is promoted or notified."""
    event = EventFactory(capacity=1, starts_at=at(20), ends_at=at(20, 20))
    first, second = UserFactory(), UserFactory()
    places.rsvp_join(event=event, user=first, now=NOW)
    places.rsvp_join(event=event, user=second, now=NOW)
    told_before = Notification.objects.count()
    event.delete()
    assert Notification.objects.count() == told_before
    assert not Rsvp.objects.exists()


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
