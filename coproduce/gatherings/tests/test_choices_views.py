"""The pages for choosing together: putting a choice to the room, voting from a phone, typing in
the room's counts and closing. Each URL is tried as a visitor, a resident, a resident with a
place, the organiser and an officer."""

import pytest
from django.urls import reverse

from coproduce.gatherings.models import Ballot, Choice
from coproduce.gatherings.services import choices as services
from coproduce.projects.tests.factories import ProjectFactory

from .event_cast import event_cast
from .factories import BarrierFactory, ChoiceFactory, TreatmentFactory, organiser
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer, and an
    open dot vote on three options."""
    cast = event_cast()
    cast.choice = ChoiceFactory(event=cast.event)
    cast.options = list(cast.choice.options.all())
    return cast


def _closed(cast):
    a, b, _c = cast.options
    services.ballot_cast(choice=cast.choice, user=cast.attendee, dots={b.pk: 2, a.pk: 1})
    services.choice_room_counts_set(choice=cast.choice, by=cast.organiser, people=3, dots={a.pk: 4})
    return services.choice_close(choice=cast.choice, by=cast.organiser)


MANAGERS_ONLY = [
    ("visitor", SIGN_IN),
    ("resident", 403),
    ("attendee", 403),
    ("organiser", 200),
    ("officer", 200),
]


@pytest.mark.parametrize(("role", "expected"), MANAGERS_ONLY)
def test_only_organisers_may_put_a_choice(client, cast, role, expected):
    """The new choice form is for the event's organisers and officers."""
    url = reverse("gatherings:choice_create", args=[cast.event.pk])
    check(as_role(client, cast, role).get(url), expected)


@pytest.mark.parametrize(("role", "expected"), MANAGERS_ONLY)
def test_only_organisers_may_type_in_room_counts(client, cast, role, expected):
    """The room counts form is for the event's organisers and officers."""
    url = reverse("gatherings:choice_room_counts", args=[cast.choice.pk])
    check(as_role(client, cast, role).get(url), expected)


@pytest.mark.parametrize(("role", "expected"), MANAGERS_ONLY)
def test_only_organisers_may_see_the_close_page(client, cast, role, expected):
    """The page to close voting is for the event's organisers and officers."""
    url = reverse("gatherings:choice_close", args=[cast.choice.pk])
    check(as_role(client, cast, role).get(url), expected)


@pytest.mark.parametrize("role", ["visitor", "resident", "attendee", "organiser", "officer"])
def test_everyone_who_can_see_the_event_sees_the_choice(client, cast, role):
    """The choice page is open to all who can see the event."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    check(as_role(client, cast, role).get(url), 200)


def test_only_a_person_with_a_place_gets_the_vote_form(client, cast):
    """Someone with a place sees the vote; a resident without one is told how else to vote."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    assert "Send my vote" in text(as_role(client, cast, "attendee").get(url))
    client.logout()
    page = text(as_role(client, cast, "resident").get(url))
    assert "Send my vote" not in page
    assert "vote on the wall or on paper" in page


def test_the_count_so_far_is_for_organisers_only(client, cast):
    """While voting is open, only organisers see the count."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    assert "count so far" in text(as_role(client, cast, "organiser").get(url))
    client.logout()
    assert "count so far" not in text(as_role(client, cast, "attendee").get(url))


@pytest.mark.parametrize(
    ("role", "expected"), [("visitor", SIGN_IN), ("resident", 403), ("organiser", 403)]
)
def test_people_without_a_place_cannot_vote(client, cast, role, expected):
    """A vote from someone without a confirmed place is refused, and nothing is saved."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    data = {f"option_{cast.options[0].pk}": "1"}
    check(as_role(client, cast, role).post(url, data), expected)
    assert not Ballot.objects.exists()


def test_a_person_with_a_place_votes_without_javascript(client, cast):
    """A plain form post records the vote and goes back to the choice."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    a, b, _c = cast.options
    response = as_role(client, cast, "attendee").post(
        url, {f"option_{a.pk}": "2", f"option_{b.pk}": "1"}
    )
    assert response.status_code == 302
    assert Ballot.objects.get().marks.count() == 2


def test_the_vote_form_shows_the_earlier_vote(client, cast):
    """A person coming back sees the dots they gave, ready to change."""
    a = cast.options[0]
    services.ballot_cast(choice=cast.choice, user=cast.attendee, dots={a.pk: 2})
    page = text(
        as_role(client, cast, "attendee").get(reverse("gatherings:choice", args=[cast.choice.pk]))
    )
    assert "Change my vote" in page
    assert f'name="option_{a.pk}" type="text" value="2"' in page or 'value="2"' in page


def test_too_many_dots_is_a_400_with_the_reason(client, cast):
    """Too many dots shows the error summary and saves nothing."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    a, b, _c = cast.options
    response = as_role(client, cast, "attendee").post(
        url, {f"option_{a.pk}": "2", f"option_{b.pk}": "2"}
    )
    assert response.status_code == 400
    assert "There is a problem" in text(response)
    assert "You have 3 dots" in text(response)
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("value", ["٣", "1.5", "-1", "99999999999999999999", "two"])
def test_odd_numbers_in_a_vote_are_a_400(client, cast, value):
    """Numbers that are not plain whole numbers in range are refused with a message."""
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    response = as_role(client, cast, "attendee").post(url, {f"option_{cast.options[0].pk}": value})
    assert response.status_code == 400
    assert "whole number" in text(response)


def test_a_person_takes_back_their_vote(client, cast):
    """The "take back" button deletes the ballot."""
    services.ballot_cast(choice=cast.choice, user=cast.attendee, dots={cast.options[0].pk: 1})
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    response = as_role(client, cast, "attendee").post(url, {"withdraw": "1"})
    assert response.status_code == 302
    assert not Ballot.objects.exists()


def test_ranking_vote_from_a_phone(client, cast):
    """A ranking ballot takes the places chosen from the lists."""
    choice = ChoiceFactory(event=cast.event, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, b, c = choice.options.all()
    url = reverse("gatherings:choice", args=[choice.pk])
    response = as_role(client, cast, "attendee").post(
        url, {f"option_{a.pk}": "2", f"option_{b.pk}": "1", f"option_{c.pk}": ""}
    )
    assert response.status_code == 302
    assert dict(Ballot.objects.get().marks.values_list("option_id", "place")) == {a.pk: 2, b.pk: 1}


def test_ranking_with_a_place_twice_is_a_400(client, cast):
    """Two options in first place is refused in plain words."""
    choice = ChoiceFactory(event=cast.event, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, b, _c = choice.options.all()
    url = reverse("gatherings:choice", args=[choice.pk])
    response = as_role(client, cast, "attendee").post(
        url, {f"option_{a.pk}": "1", f"option_{b.pk}": "1"}
    )
    assert response.status_code == 400
    assert "Give each place to one option only" in text(response)


def test_organiser_puts_typed_options_to_the_room(client, cast):
    """A valid form opens the choice and goes to its page."""
    url = reverse("gatherings:choice_create", args=[cast.event.pk])
    response = as_role(client, cast, "organiser").post(
        url,
        {
            "question": "What should we do in spring?",
            "about": "options",
            "labels": "Plant bulbs\nPaint the fence",
            "method": "ranking",
            "seats": "1",
        },
    )
    choice = Choice.objects.get(question="What should we do in spring?")
    assert response.status_code == 302
    assert response["Location"] == reverse("gatherings:choice", args=[choice.pk])
    assert choice.options.count() == 2


def test_a_choice_with_one_option_is_a_400(client, cast):
    """One typed option is refused on the form."""
    url = reverse("gatherings:choice_create", args=[cast.event.pk])
    response = as_role(client, cast, "organiser").post(
        url,
        {"question": "Q?", "about": "options", "labels": "Only", "method": "dots", "seats": "1"},
    )
    assert response.status_code == 400
    assert "Type 2 or more options" in text(response)


def test_the_form_offers_ideas_in_the_events_ward(client, cast):
    """Ideas in the event's ward are offered; hidden ones and ones elsewhere are not."""
    ward = cast.event.place.ward
    ProjectFactory(title="Ward idea", ward=ward, status="idea")
    ProjectFactory(title="Hidden idea", ward=ward, status="idea", is_hidden=True)
    ProjectFactory(title="Far away idea", status="idea")
    url = reverse("gatherings:choice_create", args=[cast.event.pk])
    page = text(as_role(client, cast, "organiser").get(url))
    assert "Ward idea" in page
    assert "Hidden idea" not in page
    assert "Far away idea" not in page


def test_organiser_puts_barriers_of_the_set_to_the_room(client):
    """At a learning set, the set's barriers still in the way are offered and can be chosen."""
    treatment = TreatmentFactory()
    host = organiser()
    treatment.event.organisers.add(host)
    barriers = [BarrierFactory(treatment=treatment, text=f"Barrier {n}") for n in range(2)]
    client.force_login(host)
    url = reverse("gatherings:choice_create", args=[treatment.event.pk])
    assert "Barrier 1" in text(client.get(url))
    response = client.post(
        url,
        {
            "question": "Which barrier do we bust next?",
            "about": "barriers",
            "barriers": [b.pk for b in barriers],
            "method": "dots",
            "dots": "2",
            "most_on_one": "1",
            "seats": "1",
        },
    )
    assert response.status_code == 302
    assert Choice.objects.get().options.filter(barrier__isnull=False).count() == 2


def test_room_counts_are_saved_from_the_form(client, cast):
    """The organiser's room counts are kept on the options."""
    a, b, c = cast.options
    url = reverse("gatherings:choice_room_counts", args=[cast.choice.pk])
    response = as_role(client, cast, "organiser").post(
        url, {"people": "5", f"room_{a.pk}": "6", f"room_{b.pk}": "", f"room_{c.pk}": "3"}
    )
    assert response.status_code == 302
    assert [o.room_dots for o in cast.choice.options.all()] == [6, 0, 3]


def test_impossible_room_counts_are_a_400(client, cast):
    """More dots than the room's people could give is refused with the reason."""
    a = cast.options[0]
    url = reverse("gatherings:choice_room_counts", args=[cast.choice.pk])
    response = as_role(client, cast, "organiser").post(url, {"people": "1", f"room_{a.pk}": "9"})
    assert response.status_code == 400
    assert "cannot put 9 dots" in text(response)


def test_ranking_room_counts_are_saved_per_place(client, cast):
    """For ranking, the room counts are how many people put each option in each place."""
    choice = ChoiceFactory(event=cast.event, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, b, c = choice.options.all()
    url = reverse("gatherings:choice_room_counts", args=[choice.pk])
    data = {"people": "2", f"room_{a.pk}_1": "2", f"room_{b.pk}_2": "1", f"room_{c.pk}_3": "1"}
    assert as_role(client, cast, "organiser").post(url, data).status_code == 302
    assert [o.room_places for o in choice.options.all()] == [[2, 0, 0], [0, 1, 0], [0, 0, 1]]


@pytest.mark.parametrize(("role", "expected"), [("visitor", SIGN_IN), ("attendee", 403)])
def test_only_organisers_may_close(client, cast, role, expected):
    """Closing is refused to anyone but the organisers, and the choice stays open."""
    url = reverse("gatherings:choice_close", args=[cast.choice.pk])
    check(as_role(client, cast, role).post(url), expected)
    cast.choice.refresh_from_db()
    assert cast.choice.is_open


def test_most_on_one_left_empty_means_all_dots_on_one(client, cast):
    """Leaving "most on one option" empty lets people put all their dots on one option."""
    url = reverse("gatherings:choice_create", args=[cast.event.pk])
    as_role(client, cast, "organiser").post(
        url,
        {
            "question": "Q?",
            "about": "options",
            "labels": "A\nB",
            "method": "dots",
            "dots": "5",
            "most_on_one": "",
            "seats": "1",
        },
    )
    assert (Choice.objects.get(question="Q?").most_on_one) == 5
