"""Events and series run by a group: only the group's organisers can say so."""

import pytest
from django.urls import reverse

from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event, Series
from coproduce.gatherings.services.events import event_create, series_create
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.places.tests.factories import PlaceFactory

from .factories import at, organiser

pytestmark = pytest.mark.django_db


def _form(place, **extra) -> dict:
    return {
        "title": "Litter pick",
        "summary": "Tidy the park together.",
        "kind": Event.Kind.MEET_UP,
        "day": "17/6/2030",
        "starts": "10:00",
        "ends": "12:00",
        "place": place.pk,
        "capacity": "",
        **extra,
    }


def test_an_organiser_of_a_group_can_put_on_an_event_for_it(client):
    """The group question lists the groups the person organises and saves the choice."""
    person = organiser()
    group = OrganiserFactory(user=person).organisation
    client.force_login(person)
    page = client.get(reverse("gatherings:event_create"))
    assert group.name in page.text
    response = client.post(
        reverse("gatherings:event_create"), _form(PlaceFactory(), group=group.pk)
    )
    assert response.status_code == 302
    assert Event.objects.get().group == group


def test_a_member_who_is_not_an_organiser_cannot_name_the_group(client):
    """Naming a group one only belongs to is refused with a message; nothing is saved."""
    person = organiser()
    OrganiserFactory(user=person)
    group = MembershipFactory(user=person).organisation
    client.force_login(person)
    response = client.post(
        reverse("gatherings:event_create"), _form(PlaceFactory(), group=group.pk)
    )
    assert response.status_code == 400
    assert "Choose one of your groups from the list" in response.text
    assert not Event.objects.exists()


def test_the_group_question_is_not_asked_of_people_with_no_groups(client):
    """Someone who organises no group is not asked which group runs the event."""
    client.force_login(organiser())
    assert (
        "Is it run by one of your groups?"
        not in client.get(reverse("gatherings:event_create")).text
    )


def test_the_services_refuse_a_group_the_person_does_not_organise():
    """Series and events can't be put on in the name of someone else's group."""
    person = organiser()
    group = MembershipFactory(user=person).organisation
    with pytest.raises(Refusal):
        series_create(
            title="Set", summary="Monthly", kind="action_learning", by=person, group=group
        )
    with pytest.raises(Refusal):
        event_create(
            title="Talk",
            summary="A talk",
            kind=Event.Kind.TALK,
            starts_at=at(17),
            ends_at=at(17, 20),
            place=PlaceFactory(),
            by=person,
            group=group,
            now=at(1),
        )
    assert not Series.objects.exists() and not Event.objects.exists()


def test_a_groups_organisers_manage_a_series_run_by_it(client):
    """Another organiser of the group can add events to the group's series."""
    founder, colleague = organiser(), organiser()
    group = OrganiserFactory(user=founder).organisation
    OrganiserFactory(user=colleague, organisation=group)
    series = series_create(
        title="Shop-front talks", summary="Talks", kind="talk", by=founder, group=group
    )
    client.force_login(colleague)
    response = client.get(reverse("gatherings:event_create") + f"?series={series.slug}")
    assert response.status_code == 200
