"""A youth panel's meetings are not listed publicly, and their page (with the place) is
seen only by the panel's members, its officers and the event's organisers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import services
from coproduce.gatherings import unlisted
from coproduce.gatherings.models import Event
from coproduce.gatherings.selectors import event_to_join, events_upcoming
from coproduce.gatherings.tests.factories import EventFactory

from .factories import MemberFactory, published_panel

pytestmark = pytest.mark.django_db


def _meeting(**panel_kwargs):
    panel = published_panel(members=0, **panel_kwargs)
    # Other events first, so the meeting's id and its event's id differ on every database
    # (a rule once compared the two and showed youth meetings to everyone on PostgreSQL).
    EventFactory.create_batch(2)
    event = EventFactory()
    event.organisers.add(panel.created_by)
    services.meeting_add(
        by=panel.created_by,
        panel=panel,
        event=event,
        safe_adult_name="Jo Youthworker",
        check_kind="Enhanced DBS",
        checked_on=timezone.localdate(),
    )
    return panel, event


def test_a_youth_panel_meeting_is_not_listed_publicly():
    """It is left out of the events list."""
    _panel, event = _meeting(is_youth=True, age_min=11, age_max=19)
    assert event not in events_upcoming()


def test_an_adult_panel_meeting_is_listed_as_usual():
    """Only youth panels' meetings are kept off lists."""
    _panel, event = _meeting()
    assert event in events_upcoming()


def test_a_youth_meeting_page_is_only_for_the_panel(client):
    """Visitors and other residents get 404; members and the officer see it, with the place."""
    panel, event = _meeting(is_youth=True, age_min=11, age_max=19)
    url = reverse("gatherings:event", args=[event.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    member = MemberFactory(panel=panel)
    client.force_login(member.user)
    assert client.get(url).status_code == 200
    client.force_login(panel.created_by)
    assert client.get(url).status_code == 200


def test_every_page_of_a_youth_meeting_is_hidden_as_its_own_page_is(client):
    """Taking a place, the agenda and the calendar file answer 404 to others too, so the
    time and place cannot be found another way; the panel's members still reach them."""
    panel, event = _meeting(is_youth=True, age_min=11, age_max=19)
    pages = ["gatherings:rsvp", "gatherings:agenda", "gatherings:event_ics"]
    client.force_login(UserFactory())
    for name in pages:
        assert client.get(reverse(name, args=[event.pk])).status_code == 404, name
    client.force_login(MemberFactory(panel=panel).user)
    assert client.get(reverse("gatherings:rsvp", args=[event.pk])).status_code == 200


def test_whether_a_meeting_is_unlisted_comes_with_the_event_in_one_query(
    django_assert_num_queries,
):
    """Taking a place reads the event and whether a rule keeps it unlisted in one query, and
    that answers as asking the rules one by one does."""
    _panel, meeting = _meeting(is_youth=True, age_min=11, age_max=19)
    ordinary = EventFactory()
    for event, hidden in ((meeting, True), (ordinary, False)):
        with django_assert_num_queries(1):
            assert unlisted.hidden_from(AnonymousUser(), event_to_join(event.pk)) is hidden
        assert unlisted.hidden_from(AnonymousUser(), Event.objects.get(pk=event.pk)) is hidden
