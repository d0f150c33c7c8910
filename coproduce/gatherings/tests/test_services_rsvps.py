"""Tests of services.rsvps: places and the waiting list, attendance, "bring a friend"
invitations, and counts that stay true when accounts or events are deleted."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.selectors import waiting_position
from coproduce.gatherings.services import events as services
from coproduce.gatherings.services import rsvps
from coproduce.notifications.models import Notification

from .event_setup import join, organised_event, real_counts, stored_counts, told, update_event
from .factories import NOW, AgendaItemFactory, EventFactory, at

pytestmark = pytest.mark.django_db


# Places and the waiting list


def test_places_are_confirmed_while_left_then_people_wait():
    """With two places, the first two are confirmed and the third waits."""
    event = EventFactory(capacity=2)
    statuses = [join(event).status for _ in range(3)]
    assert statuses == [Rsvp.Status.CONFIRMED, Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING]
    assert stored_counts(event) == (2, 1)


def test_getting_a_place_and_waiting_are_each_told():
    """The person confirmed is told they have a place; the one waiting that they wait."""
    event = EventFactory(capacity=1)
    going, waiting = UserFactory(), UserFactory()
    join(event, going)
    join(event, waiting)
    assert told(going) == [f"You have a place: {event.title}"]
    assert told(waiting) == [f"You are on the waiting list: {event.title}"]


def test_no_limit_confirms_everyone():
    """An event with no capacity never has a waiting list."""
    event = EventFactory(capacity=None)
    assert {join(event).status for _ in range(5)} == {Rsvp.Status.CONFIRMED}


def test_joining_twice_changes_only_what_was_asked_for():
    """A second RSVP keeps the place and its queue time, and updates the access requests."""
    event = EventFactory(capacity=1, access_provisions=["creche", "bsl"])
    user = UserFactory()
    first = join(event, user)
    again = rsvps.rsvp_join(
        event=event,
        user=user,
        access_requests=["bsl"],
        access_note="I lip-read too.",
        now=NOW + timedelta(hours=1),
    )
    assert again.pk == first.pk
    assert (first.had_place, again.had_place) == (False, True)
    assert again.status == Rsvp.Status.CONFIRMED
    assert again.queued_at == first.queued_at
    assert (again.access_requests, again.access_note) == (["bsl"], "I lip-read too.")
    assert stored_counts(event) == real_counts(event) == (1, 0)
    assert len(told(user)) == 1


def test_organisers_hear_of_access_requests():
    """Asking for support tells the organisers (daily), saying what was asked for."""
    event, person = organised_event(access_provisions=["creche"])
    join(event, access_requests=["creche"])
    [notice] = Notification.objects.filter(recipient=person, kind="event_for_organiser")
    assert "Crèche" in notice.body


def test_support_not_offered_is_refused_clearly():
    """Asking for a BSL interpreter when none is offered names it and points to the note."""
    event = EventFactory(access_provisions=["creche"])
    with pytest.raises(Refusal) as refused:
        join(event, access_requests=["bsl"])
    assert str(refused.value) == (
        "This event does not offer: British Sign Language (BSL) interpreter. "
        "Tell the organisers in the note instead."
    )
    assert not Rsvp.objects.exists()


def test_support_not_on_the_list_is_refused():
    """An unknown kind of support is refused."""
    with pytest.raises(Refusal, match="access support from the list"):
        join(EventFactory(), access_requests=["helicopter"])


def test_giving_up_a_place_moves_the_first_waiting_person_up():
    """When someone with a place leaves, the first in the queue gets it and is told."""
    event = EventFactory(capacity=1)
    going = join(event)
    first, second = UserFactory(), UserFactory()
    rsvps.rsvp_join(event=event, user=first, now=NOW + timedelta(minutes=1))
    rsvps.rsvp_join(event=event, user=second, now=NOW + timedelta(minutes=2))
    rsvps.rsvp_cancel(rsvp=going, by=going.user, now=NOW)
    assert Rsvp.objects.get(event=event, user=first).status == Rsvp.Status.CONFIRMED
    assert Rsvp.objects.get(event=event, user=second).status == Rsvp.Status.WAITING
    assert told(first)[-1] == f"You have moved up from the waiting list: {event.title}"
    assert stored_counts(event) == real_counts(event) == (1, 1)


def test_leaving_the_waiting_list_moves_nobody_up():
    """A waiting person leaving frees no place; only the waiting count goes down."""
    event = EventFactory(capacity=1)
    join(event)
    waiting, behind = join(event), join(event)
    rsvps.rsvp_cancel(rsvp=waiting, by=waiting.user, now=NOW)
    behind.refresh_from_db()
    assert behind.status == Rsvp.Status.WAITING
    assert stored_counts(event) == real_counts(event) == (1, 1)


def test_someone_who_left_rejoins_at_the_back_of_the_queue():
    """A cancelled person may join again, but behind everyone already waiting."""
    event = EventFactory(capacity=1)
    join(event)
    leaver = join(event)
    behind = rsvps.rsvp_join(event=event, user=UserFactory(), now=NOW + timedelta(minutes=1))
    rsvps.rsvp_cancel(rsvp=leaver, by=leaver.user, now=NOW)
    again = rsvps.rsvp_join(event=event, user=leaver.user, now=NOW + timedelta(minutes=2))
    assert again.pk == leaver.pk
    assert again.status == Rsvp.Status.WAITING
    assert not again.had_place  # a place given up and taken again is a new place
    assert (waiting_position(behind), waiting_position(again)) == (1, 2)
    assert stored_counts(event) == real_counts(event) == (1, 2)


def test_cannot_join_a_cancelled_event():
    """A cancelled event takes no RSVPs."""
    event, person = organised_event()
    services.event_cancel(event=event, by=person, reason="Flooded.")
    with pytest.raises(Refusal, match="has been cancelled"):
        join(event)


def test_cannot_join_an_event_that_has_started():
    """Places can't be taken once the event has started."""
    event = EventFactory(starts_at=NOW - timedelta(minutes=5))
    with pytest.raises(Refusal, match="already started"):
        join(event)


def test_signed_out_visitor_cannot_join():
    """A place needs an account."""
    with pytest.raises(Refusal, match="Sign in"):
        rsvps.rsvp_join(event=EventFactory(), user=AnonymousUser(), now=NOW)


def test_only_the_person_or_organisers_give_up_a_place():
    """Someone else cannot cancel another person's place; an organiser can."""
    event, person = organised_event()
    rsvp = join(event)
    with pytest.raises(Refusal, match="Only the person"):
        rsvps.rsvp_cancel(rsvp=rsvp, by=UserFactory(), now=NOW)
    assert rsvps.rsvp_cancel(rsvp=rsvp, by=person, now=NOW).status == Rsvp.Status.CANCELLED


def test_cannot_give_up_a_place_once_started():
    """After the start the list of who had a place is kept for attendance."""
    event = EventFactory()
    rsvp = join(event)
    with pytest.raises(Refusal, match="already started"):
        rsvps.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=event.starts_at)


def test_giving_up_twice_changes_nothing():
    """Cancelling a cancelled place is harmless and keeps the counts right."""
    event = EventFactory(capacity=2)
    rsvp = join(event)
    rsvps.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    rsvps.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    assert stored_counts(event) == real_counts(event) == (0, 0)


def test_counts_always_equal_the_rows():
    """Through joins, leaves, rejoins and a capacity change, the counts match the rows."""
    event, person = organised_event(capacity=3)
    people = [UserFactory() for _ in range(7)]
    taken = {}
    for minute, user in enumerate(people):
        taken[user.pk] = rsvps.rsvp_join(
            event=event, user=user, now=NOW + timedelta(minutes=minute)
        )
        assert stored_counts(event) == real_counts(event)
    for user in (people[0], people[4], people[1]):
        rsvps.rsvp_cancel(rsvp=taken[user.pk], by=user, now=NOW)
        assert stored_counts(event) == real_counts(event)
    rsvps.rsvp_join(event=event, user=people[0], now=NOW + timedelta(minutes=30))
    assert stored_counts(event) == real_counts(event)
    event.refresh_from_db()
    update_event(event, person, capacity=5)
    assert stored_counts(event) == real_counts(event) == (5, 0)


def test_the_database_refuses_overbooking():
    """The check constraint stops confirmed places passing capacity, whatever the code does."""
    event = EventFactory(capacity=2)
    join(event)
    join(event)
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
    event, person = organised_event()
    came, stayed_away = join(event), join(event)
    assert (
        rsvps.attendance_record(
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
    event, person = organised_event()
    rsvp = join(event)
    with pytest.raises(Refusal, match="once the event has started"):
        rsvps.attendance_record(
            event=event, by=person, came=[rsvp.pk], now=event.starts_at - timedelta(minutes=1)
        )


def test_only_organisers_record_attendance():
    """Someone who came cannot record attendance."""
    event, _person = organised_event()
    rsvp = join(event)
    with pytest.raises(Refusal, match="Only the event's organisers"):
        rsvps.attendance_record(event=event, by=rsvp.user, came=[rsvp.pk], now=event.ends_at)


def test_attendance_only_for_people_with_a_place():
    """Someone still waiting cannot be marked as having come."""
    event, person = organised_event(capacity=1)
    going, waiting = join(event), join(event)
    with pytest.raises(Refusal, match="those with a place"):
        rsvps.attendance_record(
            event=event, by=person, came=[going.pk, waiting.pk], now=event.ends_at
        )
    going.refresh_from_db()
    assert going.attended is None


# Bring a friend


def test_good_invitation_link_finds_the_place():
    """The link of someone with a place leads to their RSVP and its event."""
    rsvp = join(EventFactory())
    found = rsvps.rsvp_for_invitation(rsvp.invite_token)
    assert found == rsvp
    assert found.event == rsvp.event


def test_bad_invitation_link_finds_nothing():
    """A made-up token finds nothing."""
    join(EventFactory())
    assert rsvps.rsvp_for_invitation("not-a-real-token") is None


def test_invitation_of_someone_who_left_finds_nothing():
    """The link stops working when its owner gives up their place."""
    rsvp = join(EventFactory())
    rsvps.rsvp_cancel(rsvp=rsvp, by=rsvp.user, now=NOW)
    assert rsvps.rsvp_for_invitation(rsvp.invite_token) is None


def test_invitation_to_a_cancelled_event_finds_nothing():
    """No invitations to an event that is not happening."""
    event, person = organised_event()
    rsvp = join(event)
    services.event_cancel(event=event, by=person, reason="Rain.")
    assert rsvps.rsvp_for_invitation(rsvp.invite_token) is None


def test_friend_joining_by_invitation_records_who_invited_them():
    """The friend's RSVP names the person whose link it was."""
    event = EventFactory()
    host = join(event)
    invitation = rsvps.rsvp_for_invitation(host.invite_token)
    friend = join(invitation.event, invited_by=invitation.user)
    assert friend.invited_by == host.user


def test_you_cannot_invite_yourself():
    """Following your own link records nobody as having invited you."""
    event = EventFactory(capacity=2)
    host = join(event)
    rsvps.rsvp_cancel(rsvp=host, by=host.user, now=NOW)
    again = join(event, host.user, invited_by=host.user)
    assert again.invited_by is None


def test_each_place_has_its_own_invitation_link():
    """Two people's links differ."""
    event = EventFactory()
    assert join(event).invite_token != join(event).invite_token


def test_deleting_an_account_keeps_the_counts_true_and_moves_the_queue():
    """When a person with a place is deleted, the next person waiting gets it and every count
    (places, waiting list, interest in agenda items) matches the rows left."""
    from coproduce.gatherings.models import AgendaItem
    from coproduce.gatherings.services.agenda import agenda_interest_toggle

    event = EventFactory(capacity=1, agenda_open=True, starts_at=at(20), ends_at=at(20, 20))
    leaving, waiting = UserFactory(), UserFactory()
    rsvps.rsvp_join(event=event, user=leaving, now=NOW)
    rsvps.rsvp_join(event=event, user=waiting, now=NOW)
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
    rsvps.rsvp_join(event=event, user=person, now=NOW)
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
    rsvps.rsvp_join(event=event, user=first, now=NOW)
    rsvps.rsvp_join(event=event, user=second, now=NOW)
    told_before = Notification.objects.count()
    event.delete()
    assert Notification.objects.count() == told_before
    assert not Rsvp.objects.exists()
