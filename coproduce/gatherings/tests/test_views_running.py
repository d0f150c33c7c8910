"""Running events and series: adding a facilitator, and changing a series."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import EventOrganiserInvitation, Series
from coproduce.gatherings.services import organisers
from coproduce.gatherings.services.events import series_create
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.notifications.models import Notification

from .factories import EventFactory, organiser

pytestmark = pytest.mark.django_db


def _session_with(person):
    host = organiser()
    event = EventFactory(organisers=[host])
    rsvp_join(event=event, user=person)
    return event, host


def test_an_organiser_asks_a_facilitator_from_the_people_with_a_place(client):
    """Someone with a place is asked; once they say yes they see the attendee page."""
    helper = UserFactory(display_name="Fay Facilitator")
    event, host = _session_with(helper)
    url = reverse("gatherings:attendees", args=[event.pk])
    client.force_login(host)
    assert "Fay Facilitator" in client.get(url).content.decode()
    response = client.post(url, {"person": helper.pk})
    assert response.status_code == 302
    assert not event.organisers.filter(pk=helper.pk).exists()
    invitation = EventOrganiserInvitation.objects.get(event=event, person=helper)
    client.force_login(helper)
    assert client.get(url).status_code == 403
    page = reverse("gatherings:organiser_invitation", args=[invitation.pk])
    assert "Yes, I will help run it" in client.get(page).text
    reply = reverse("gatherings:organiser_invitation_reply", args=[invitation.pk])
    assert client.get(reply).status_code == 405
    client.post(reply, {"answer": "accept"})
    assert event.organisers.filter(pk=helper.pk).exists()
    assert client.get(url).status_code == 200


def test_the_person_asked_is_told_and_others_cannot_answer(client):
    """The invitation reaches the person asked; nobody else can see or answer it."""
    helper = UserFactory()
    event, host = _session_with(helper)
    invitation = organisers.event_organiser_invite(event=event, person=helper, by=host)
    assert Notification.objects.filter(recipient=helper, kind="event_organiser_invitation").exists()
    client.force_login(UserFactory())
    page = reverse("gatherings:organiser_invitation", args=[invitation.pk])
    assert client.get(page).status_code == 404
    reply = reverse("gatherings:organiser_invitation_reply", args=[invitation.pk])
    assert client.post(reply, {"answer": "accept"}).status_code == 404


def test_a_facilitator_can_decline_and_is_not_added():
    """Saying no leaves them out, and they cannot change their mind on the same invitation."""
    helper = UserFactory()
    event, host = _session_with(helper)
    invitation = organisers.event_organiser_invite(event=event, person=helper, by=host)
    organisers.event_organiser_invitation_respond(user=helper, invitation=invitation, accept=False)
    with pytest.raises(Refusal):
        organisers.event_organiser_invitation_respond(
            user=helper, invitation=invitation, accept=True
        )
    assert not event.organisers.filter(pk=helper.pk).exists()


def test_an_organiser_withdraws_and_the_invitation_cannot_be_accepted(client):
    """Withdrawn from the attendee page; a stranger cannot withdraw it."""
    helper = UserFactory()
    event, host = _session_with(helper)
    invitation = organisers.event_organiser_invite(event=event, person=helper, by=host)
    url = reverse("gatherings:organiser_invitation_withdraw", args=[event.pk, invitation.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403
    client.force_login(host)
    client.post(url)
    with pytest.raises(Refusal):
        organisers.event_organiser_invitation_respond(
            user=helper, invitation=invitation, accept=True
        )


def test_an_expired_invitation_cannot_be_accepted_and_can_be_sent_again():
    """Past its date it lapses; the organiser can ask again."""
    helper = UserFactory()
    event, host = _session_with(helper)
    invitation = organisers.event_organiser_invite(event=event, person=helper, by=host)
    EventOrganiserInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(Refusal, match="expired"):
        organisers.event_organiser_invitation_respond(
            user=helper, invitation=invitation, accept=True
        )
    again = organisers.event_organiser_invite(event=event, person=helper, by=host)
    assert again.pk != invitation.pk


def test_only_people_with_a_place_can_be_added_as_facilitators(client):
    """Anyone else's id is refused with a message, and nothing changes."""
    event, host = _session_with(UserFactory())
    stranger = UserFactory()
    client.force_login(host)
    response = client.post(
        reverse("gatherings:attendees", args=[event.pk]), {"person": stranger.pk}
    )
    assert response.status_code == 400
    assert "Choose a person from the list" in response.content.decode()
    assert not event.organisers.filter(pk=stranger.pk).exists()


def test_people_with_a_place_cannot_add_facilitators(client):
    """The attendee page, and adding to it, is for organisers only."""
    person = UserFactory()
    event, _host = _session_with(person)
    client.force_login(person)
    url = reverse("gatherings:attendees", args=[event.pk])
    assert client.post(url, {"person": person.pk}).status_code == 403
    assert not event.organisers.filter(pk=person.pk).exists()


def test_a_series_organiser_changes_the_series_and_its_address_stays(client):
    """The title and summary change; the web address does not, so old links still work."""
    host = organiser()
    series = series_create(
        title="Monthly set", summary="Once a month", kind="action_learning", by=host
    )
    client.force_login(host)
    url = reverse("gatherings:series_edit", args=[series.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Coproduction set", "summary": "Monthly", "kind": "workshop"}
    )
    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.title, series.kind, series.slug) == (
        "Coproduction set",
        "workshop",
        "monthly-set",
    )


@pytest.mark.parametrize("who", ["visitor", "resident", "other organiser"])
def test_others_cannot_change_a_series(client, who):
    """Visitors are sent to sign in; residents and other organisers are refused."""
    series = series_create(title="Monthly set", summary="s", kind="talk", by=organiser())
    url = reverse("gatherings:series_edit", args=[series.slug])
    if who == "resident":
        client.force_login(UserFactory())
    elif who == "other organiser":
        client.force_login(organiser())
    response = client.post(url, {"title": "Hijacked", "summary": "x", "kind": "talk"})
    assert response.status_code == (302 if who == "visitor" else 403)
    assert Series.objects.get().title == "Monthly set"


def test_a_series_needs_a_title(client):
    """An empty title is a 400 with the field's message, and nothing changes."""
    host = organiser()
    series = series_create(title="Monthly set", summary="s", kind="talk", by=host)
    client.force_login(host)
    response = client.post(
        reverse("gatherings:series_edit", args=[series.slug]),
        {"title": "", "summary": "s", "kind": "talk"},
    )
    assert response.status_code == 400
    assert "Give the series a title" in response.content.decode()


def test_a_sessions_page_lists_the_report_backs_due_there(client):
    """Projects from an earlier session with open actions show on the next session's page,
    with a report-back link for the person who brought each one."""
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.gatherings.models import Action

    from .factories import ActionFactory, SeriesFactory, SetSessionFactory, TreatmentFactory

    host, presenter = organiser(), UserFactory()
    series = SeriesFactory(organisers=[host])
    last_month = timezone.now() - timedelta(days=28)
    earlier = SetSessionFactory(
        series=series, starts_at=last_month, ends_at=last_month + timedelta(hours=2)
    )
    soon = timezone.now() + timedelta(days=2)
    session = SetSessionFactory(series=series, starts_at=soon, ends_at=soon + timedelta(hours=2))
    open_one = TreatmentFactory(event=earlier, presenter=presenter, title="Community fridge")
    ActionFactory(treatment=open_one, owner=presenter)
    finished = TreatmentFactory(event=earlier, presenter=presenter, title="Repair café")
    ActionFactory(treatment=finished, owner=presenter, status=Action.Status.DONE)
    client.force_login(presenter)
    page = client.get(reverse("gatherings:event", args=[session.pk])).content.decode()
    assert "Report-backs due at this session" in page
    assert "Community fridge" in page and "1 action open" in page
    assert "Repair café" not in page
    assert reverse("gatherings:report_back", args=[open_one.pk]) in page


def test_a_decision_needs_to_say_take_or_not(client):
    """A post without a decision is a 400 with a reason, and the project stays put forward."""
    from coproduce.gatherings.models import Treatment

    from .factories import SetSessionFactory, TreatmentFactory

    host = organiser()
    session = SetSessionFactory(organisers=[host])
    treatment = TreatmentFactory(event=session, presenter=UserFactory(), status="proposed")
    client.force_login(host)
    response = client.post(reverse("gatherings:treatment_decide", args=[treatment.pk]), {})
    assert response.status_code == 400
    assert "Choose to take the project or not this time." in response.content.decode()
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.PROPOSED


def test_barriers_of_declined_projects_stay_out_of_the_library(client):
    """The library shows only what sets took on: a declined project's barriers are not public."""
    from .factories import BarrierFactory, BarrierThemeFactory, SetSessionFactory, TreatmentFactory

    theme = BarrierThemeFactory(name="Lack of affordable space")
    session = SetSessionFactory()
    taken = TreatmentFactory(event=session, presenter=UserFactory(), title="Taken on")
    declined = TreatmentFactory(
        event=session, presenter=UserFactory(), title="Not this time", status="declined"
    )
    BarrierFactory(treatment=taken, theme=theme, text="No cheap rooms")
    BarrierFactory(treatment=declined, theme=theme, text="Halls cost too much")
    page = client.get(reverse("gatherings:barrier_theme", args=[theme.slug])).content.decode()
    assert "No cheap rooms" in page and "Halls cost too much" not in page


def test_a_weekend_event_keeps_its_end_day_when_changed(client):
    """Editing a two-day hack weekend without touching its dates keeps both days."""
    from coproduce.gatherings.models import Event
    from coproduce.places.tests.factories import PlaceFactory

    host = organiser()
    place = PlaceFactory()
    client.force_login(host)
    form = {
        "title": "Hack weekend",
        "summary": "Two days of making.",
        "kind": Event.Kind.HACK_DAY,
        "day": "15/6/2030",
        "starts": "09:30",
        "end_day": "16/6/2030",
        "ends": "17:00",
        "place": place.pk,
    }
    assert client.post(reverse("gatherings:event_create"), form).status_code == 302
    event = Event.objects.get()
    edit = client.get(reverse("gatherings:event_edit", args=[event.pk])).content.decode()
    assert re.search(r'name="end_day-day"[^>]*value="16"', edit)
    form["title"] = "Good for Nothing weekend"
    client.post(reverse("gatherings:event_edit", args=[event.pk]), form)
    event.refresh_from_db()
    assert (event.ends_at - event.starts_at).days == 1


def test_an_end_date_before_the_start_is_refused(client):
    """A clear message, and nothing saved."""
    from coproduce.gatherings.models import Event
    from coproduce.places.tests.factories import PlaceFactory

    client.force_login(organiser())
    response = client.post(
        reverse("gatherings:event_create"),
        {
            "title": "Backwards",
            "summary": "s",
            "kind": Event.Kind.TALK,
            "day": "15/6/2030",
            "starts": "09:30",
            "end_day": "14/6/2030",
            "ends": "17:00",
            "place": PlaceFactory().pk,
        },
    )
    assert response.status_code == 400
    assert "The end date must be on or after the start date" in response.content.decode()
    assert not Event.objects.exists()


def test_sessions_of_a_weekend_open_space_go_on_either_day(client):
    """The board of a two-day event asks for the day, and puts a session on the second day."""
    from datetime import datetime

    from django.utils import timezone

    from .factories import AgendaItemFactory

    host = organiser()
    starts = timezone.make_aware(datetime(2030, 6, 15, 9, 30))
    event = EventFactory(
        organisers=[host],
        agenda_open=True,
        starts_at=starts,
        ends_at=starts.replace(day=16, hour=17),
    )
    item = AgendaItemFactory(event=event)
    client.force_login(host)
    url = reverse("gatherings:agenda_arrange", args=[item.pk])
    assert "Sunday 16 June" in client.get(url).content.decode()
    response = client.post(
        url, {"day": "2030-06-16", "room": "Main hall", "starts": "10:00", "ends": "11:00"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert timezone.localtime(item.slot_starts_at).day == 16


def test_a_project_hidden_by_a_moderator_is_not_linked_from_the_set(client):
    """The set's page and the treatment keep the set's own name for it, with no link."""
    from coproduce.projects.models import Project
    from coproduce.projects.tests.factories import owned_project

    from .factories import SeriesFactory, SetSessionFactory, TreatmentFactory

    host = organiser()
    project = owned_project(owner=host, title="Secret garden")
    series = SeriesFactory(organisers=[host])
    session = SetSessionFactory(series=series, organisers=[host])
    treatment = TreatmentFactory(event=session, project=project, presenter=host, title="Garden")
    Project.objects.filter(pk=project.pk).update(is_hidden=True)
    link = reverse("projects:detail", args=[project.pk])
    for url in (
        reverse("gatherings:series", args=[series.slug]),
        reverse("gatherings:treatment", args=[treatment.pk]),
    ):
        page = client.get(url).content.decode()
        assert link not in page and "Secret garden" not in page
