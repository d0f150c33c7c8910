from datetime import date, timedelta

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Action, ActionReminder, Rsvp
from coproduce.gatherings.services import reminders
from coproduce.gatherings.services.events import event_cancel, event_update
from coproduce.gatherings.services.rsvps import rsvp_cancel, rsvp_join
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import PlaceFactory

from .factories import (
    NOW,
    ActionFactory,
    EventFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    at,
    organiser,
)

pytestmark = pytest.mark.django_db

# NOW is Monday 10 June 2030, 09:00 in London, so "tomorrow" is Tuesday 11 June.


def _tomorrow(**kwargs):
    """An event tomorrow evening, 18:00 to 20:00, with its organiser."""
    person = organiser()
    kwargs.setdefault("starts_at", at(11, 18))
    kwargs.setdefault("ends_at", kwargs["starts_at"] + timedelta(hours=2))
    return EventFactory(organisers=[person], **kwargs), person


def _join(event, user=None, **kwargs):
    return rsvp_join(event=event, user=user or UserFactory(), now=NOW - timedelta(days=3), **kwargs)


def _reminded(user):
    return Notification.objects.filter(recipient=user, kind="event_reminder")


def _action_reminders(user):
    return Notification.objects.filter(recipient=user, kind="action_reminder")


# The day before an event


def test_everyone_with_a_place_tomorrow_is_reminded_once():
    """Each person with a confirmed place gets one reminder, and the count says so."""
    event, _person = _tomorrow()
    going = [_join(event).user for _ in range(3)]
    assert reminders.event_reminders_send(now=NOW) == 3
    for user in going:
        [reminder] = _reminded(user)
        assert reminder.title == f"Tomorrow: {event.title}"


def test_running_again_sends_nothing_more():
    """A second run on the same day (or a later one) reminds nobody again."""
    event, _person = _tomorrow()
    user = _join(event).user
    reminders.event_reminders_send(now=NOW)
    assert reminders.event_reminders_send(now=NOW + timedelta(hours=6)) == 0
    assert _reminded(user).count() == 1


def test_waiting_and_cancelled_places_are_not_reminded():
    """Only confirmed places are reminded."""
    event, _person = _tomorrow(capacity=1)
    going, waiting = _join(event), _join(event)
    leaver = _join(event)
    rsvp_cancel(rsvp=leaver, by=leaver.user, now=NOW)
    assert reminders.event_reminders_send(now=NOW) == 1
    assert _reminded(going.user).exists()
    assert not _reminded(waiting.user).exists()
    assert not _reminded(leaver.user).exists()


def test_cancelled_events_are_not_reminded():
    """Nobody is reminded of an event that is not happening."""
    event, person = _tomorrow()
    user = _join(event).user
    event_cancel(event=event, by=person, reason="Flooded.")
    assert reminders.event_reminders_send(now=NOW) == 0
    assert not _reminded(user).exists()


@pytest.mark.parametrize("day", [10, 12])
def test_events_not_tomorrow_are_not_reminded(day):
    """An event later today, or the day after tomorrow, gets no reminder now."""
    event, _person = _tomorrow(starts_at=at(day, 18))
    _join(event)
    assert reminders.event_reminders_send(now=NOW) == 0


def test_tomorrow_is_the_local_date_in_summer():
    """00:30 on Tuesday in London (23:30 Monday in UTC) is tomorrow; 00:30 Wednesday is not."""
    early, _p = _tomorrow(starts_at=at(11, 0, 30))
    too_late, _q = _tomorrow(starts_at=at(12, 0, 30))
    early_user, late_user = _join(early).user, _join(too_late).user
    assert reminders.event_reminders_send(now=NOW) == 1
    assert _reminded(early_user).exists()
    assert not _reminded(late_user).exists()


def test_tomorrow_is_the_local_date_when_the_clocks_go_forward():
    """On the day before the clocks change, tomorrow ends at midnight BST, not UTC."""
    saturday = at(30, 12, month=3)
    late_sunday, _p = _tomorrow(starts_at=at(31, 23, 30, month=3))
    monday_small_hours, _q = _tomorrow(starts_at=at(1, 0, 30, month=4))
    sunday_user = rsvp_join(event=late_sunday, user=UserFactory(), now=saturday).user
    monday_user = rsvp_join(event=monday_small_hours, user=UserFactory(), now=saturday).user
    assert reminders.event_reminders_send(now=saturday) == 1
    assert _reminded(sunday_user).exists()
    assert not _reminded(monday_user).exists()


def test_reminder_says_when_and_where_and_what_was_asked_for():
    """The reminder gives the time, the place and its address, and says the support asked for
    is known, without naming it: the message is kept longer than access needs are."""
    place = PlaceFactory(name="Northbrook Library", address="1 High Street, Northbrook")
    event, _person = _tomorrow(place=place, access_provisions=["creche"])
    user = _join(event, access_requests=["creche"]).user
    reminders.event_reminders_send(now=NOW)
    body = _reminded(user).get().body
    assert "Tuesday 11 June 2030, 6pm to 8pm at Northbrook Library." in body
    assert "1 High Street, Northbrook" in body
    assert "The organisers know about the support you asked for." in body
    assert "Crèche" not in body


def test_reminder_is_marked_sent():
    """The place records when its reminder went."""
    event, _person = _tomorrow()
    rsvp = _join(event)
    reminders.event_reminders_send(now=NOW)
    rsvp.refresh_from_db()
    assert rsvp.reminder_sent_at == NOW


def test_closed_accounts_are_not_reminded():
    """Someone whose account was closed is not sent a reminder."""
    event, _person = _tomorrow()
    rsvp = _join(event)
    rsvp.user.is_active = False
    rsvp.user.save()
    assert reminders.event_reminders_send(now=NOW) == 0
    assert not _reminded(rsvp.user).exists()


def test_moved_event_is_reminded_again_before_its_new_date():
    """Reminded for Tuesday, then moved to Thursday: reminded again on Wednesday."""
    event, person = _tomorrow()
    user = _join(event).user
    reminders.event_reminders_send(now=NOW)
    event_update(
        event=event,
        by=person,
        title=event.title,
        summary=event.summary,
        kind=event.kind,
        starts_at=at(13, 18),
        ends_at=at(13, 20),
        place=event.place,
        now=NOW,
    )
    assert reminders.event_reminders_send(now=NOW + timedelta(days=1)) == 0
    assert reminders.event_reminders_send(now=at(12, 9)) == 1
    assert _reminded(user).count() == 2


def test_reminder_goes_by_email_over_smtp(smtp_server, django_capture_on_commit_callbacks):
    """The reminder email crosses a real SMTP server and names the event and its time."""
    event, _person = _tomorrow(title="Repair café", place=PlaceFactory(name="The Old Bank"))
    user = _join(event, UserFactory(email="ada@example.org")).user
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.event_reminders_send(now=NOW) == 1
    [message] = smtp_server.wait_for(1)
    assert message["To"] == user.email
    assert message["Subject"] == "Tomorrow: Repair café"
    text = message.get_body(("plain",)).get_content()
    assert "Tuesday 11 June 2030, 6pm to 8pm at The Old Bank." in text
    assert reverse("gatherings:event", args=[event.pk]) in text
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.event_reminders_send(now=NOW) == 0
    assert len(smtp_server.messages) == 1


# Reminders of actions


def _action(due_on, **kwargs):
    """An action from a session a week ago, in a set that does not meet again soon."""
    kwargs.setdefault("treatment", TreatmentFactory(event=SetSessionFactory(starts_at=at(3, 18))))
    return ActionFactory(due_on=due_on, **kwargs)


@pytest.mark.parametrize("due_on", [date(2030, 6, 10), date(2030, 6, 13)])
def test_action_due_within_three_days_is_reminded(due_on):
    """An open action due today or in up to three days is reminded, once."""
    action = _action(due_on)
    assert reminders.action_reminders_send(now=NOW) == 1
    [reminder] = _action_reminders(action.owner)
    assert reminder.title.startswith("Due ")
    assert action.text in reminder.title
    assert action.treatment.title in reminder.body


@pytest.mark.parametrize("due_on", [date(2030, 6, 9), date(2030, 6, 14)])
def test_action_overdue_or_due_later_is_not_reminded(due_on):
    """Overdue actions and ones due in four days or more are not reminded as due soon."""
    _action(due_on)
    assert reminders.action_reminders_send(now=NOW) == 0


def test_action_in_progress_is_reminded_but_done_and_dropped_are_not():
    """Only actions still open or in progress are reminded."""
    going = _action(date(2030, 6, 11), status=Action.Status.IN_PROGRESS)
    done = _action(date(2030, 6, 11), status=Action.Status.DONE)
    dropped = _action(date(2030, 6, 11), status=Action.Status.DROPPED)
    assert reminders.action_reminders_send(now=NOW) == 1
    assert _action_reminders(going.owner).exists()
    assert not _action_reminders(done.owner).exists()
    assert not _action_reminders(dropped.owner).exists()


def test_action_owned_by_name_or_closed_account_is_not_reminded():
    """Nobody to email: owners only named, and closed accounts, are skipped."""
    _action(date(2030, 6, 11), owner=None, owner_name="Jo from the tenants' association")
    _action(date(2030, 6, 11), owner=UserFactory(is_active=False))
    assert reminders.action_reminders_send(now=NOW) == 0


def test_action_reminder_is_sent_once():
    """Running again the same day, or the next, sends no second due-soon reminder."""
    action = _action(date(2030, 6, 12))
    reminders.action_reminders_send(now=NOW)
    assert reminders.action_reminders_send(now=NOW) == 0
    assert reminders.action_reminders_send(now=NOW + timedelta(days=1)) == 0
    assert _action_reminders(action.owner).count() == 1


def test_new_due_date_earns_a_new_reminder():
    """An action given a later due date is reminded again before that date."""
    action = _action(date(2030, 6, 11))
    reminders.action_reminders_send(now=NOW)
    Action.objects.filter(pk=action.pk).update(due_on=date(2030, 6, 20))
    assert reminders.action_reminders_send(now=at(18, 9)) == 1
    assert ActionReminder.objects.filter(action=action).count() == 2


def _series_with_next_session(next_starts_at, **next_kwargs):
    """A set that met on 13 May 2030 and meets again at `next_starts_at`; an action from May."""
    series = SeriesFactory()
    earlier = SetSessionFactory(series=series, starts_at=at(13, 18, month=5))
    upcoming = SetSessionFactory(series=series, starts_at=next_starts_at, **next_kwargs)
    action = ActionFactory(treatment=TreatmentFactory(event=earlier), due_on=date(2030, 9, 1))
    return action, upcoming


def test_owner_is_reminded_to_report_back_before_the_next_session():
    """An open action's owner hears of the set's next meeting within three days."""
    action, upcoming = _series_with_next_session(at(12, 18))
    assert reminders.action_reminders_send(now=NOW) == 1
    [reminder] = _action_reminders(action.owner)
    assert reminder.title == f"Report back at {upcoming.title}"
    assert "Wednesday 12 June 2030, 6pm to 8pm" in reminder.body
    assert ActionReminder.objects.get().about_date == date(2030, 6, 12)


def test_no_report_back_reminder_when_the_set_meets_later():
    """A next session four days away is too far ahead for a reminder."""
    _series_with_next_session(at(14, 18))
    assert reminders.action_reminders_send(now=NOW) == 0


def test_no_report_back_reminder_for_a_cancelled_session():
    """A cancelled next session prompts no report back."""
    person = organiser()
    _unused, upcoming = _series_with_next_session(at(12, 18), organisers=[person])
    event_cancel(event=upcoming, by=person, reason="Facilitator unwell.")
    assert reminders.action_reminders_send(now=NOW) == 0


def test_report_back_reminder_is_sent_once():
    """Daily runs before the session send the report-back reminder once."""
    action, _upcoming = _series_with_next_session(at(12, 18))
    reminders.action_reminders_send(now=NOW)
    assert reminders.action_reminders_send(now=NOW + timedelta(days=1)) == 0
    assert _action_reminders(action.owner).count() == 1


def test_report_back_reminder_is_about_the_soonest_session():
    """With two sessions in the next three days, the reminder is for the sooner one."""
    action, _upcoming = _series_with_next_session(at(13, 18))
    sooner = SetSessionFactory(series=action.treatment.event.series, starts_at=at(11, 18))
    assert reminders.action_reminders_send(now=NOW) == 1
    assert _action_reminders(action.owner).get().title == f"Report back at {sooner.title}"


def test_actions_of_the_coming_session_itself_are_not_asked_to_report_back():
    """An action agreed at the session about to happen has nothing to report there yet."""
    series = SeriesFactory()
    upcoming = SetSessionFactory(series=series, starts_at=at(12, 18))
    ActionFactory(treatment=TreatmentFactory(event=upcoming), due_on=date(2030, 9, 1))
    assert reminders.action_reminders_send(now=NOW) == 0


def test_actions_of_another_set_are_not_asked_to_report_back():
    """Another set meeting soon prompts no report back on this set's actions."""
    _series_with_next_session(at(20, 18))
    SetSessionFactory(starts_at=at(12, 18))
    assert reminders.action_reminders_send(now=NOW) == 0


def test_action_due_soon_before_a_session_gets_both_reminders():
    """Due in two days and the set meets tomorrow: one reminder of each kind."""
    action, _upcoming = _series_with_next_session(at(11, 18))
    Action.objects.filter(pk=action.pk).update(due_on=date(2030, 6, 12))
    assert reminders.action_reminders_send(now=NOW) == 2
    assert set(ActionReminder.objects.values_list("kind", flat=True)) == {
        "due_soon",
        "before_session",
    }


def test_action_reminder_goes_by_email_over_smtp(smtp_server, django_capture_on_commit_callbacks):
    """The report-back reminder reaches the owner's inbox through a real SMTP server."""
    action, upcoming = _series_with_next_session(at(12, 18))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.action_reminders_send(now=NOW) == 1
    [message] = smtp_server.wait_for(1)
    assert message["To"] == action.owner.email
    assert message["Subject"] == f"Report back at {upcoming.title}"
    assert action.text in message.get_body(("plain",)).get_content()


def test_rsvp_statuses_are_untouched_by_reminders():
    """Sending reminders changes no one's place."""
    event, _person = _tomorrow(capacity=1)
    _join(event)
    _join(event)
    reminders.event_reminders_send(now=NOW)
    assert sorted(Rsvp.objects.values_list("status", flat=True)) == ["confirmed", "waiting"]


def test_the_reminder_of_an_online_event_carries_the_link_to_join():
    """People with a place at an online event get the link in tomorrow's reminder."""
    event, _host = _tomorrow(place=None, online_url="https://meet.example.org/abc")
    place = _join(event)
    reminders.event_reminders_send(now=NOW)
    reminder = Notification.objects.get(recipient=place.user, kind="event_reminder")
    assert "https://meet.example.org/abc" in reminder.body


def test_a_place_at_an_online_event_comes_with_the_link():
    """The "you have a place" message of an online event says how to join."""
    event, _host = _tomorrow(place=None, online_url="https://meet.example.org/abc")
    place = _join(event)
    told = Notification.objects.get(recipient=place.user, kind="event_place")
    assert "https://meet.example.org/abc" in told.body
