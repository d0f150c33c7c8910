"""Putting a choice to the room, ballots, room counts and closing (services/choices.py)."""

import pytest
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings.models import Ballot, BallotMark, Choice
from coproduce.gatherings.services import choices as services
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.projects.tests.factories import ProjectFactory

from .event_cast import event_cast
from .factories import BarrierFactory, ChoiceFactory, EventFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    return event_cast()


def _dots(cast, **kwargs):
    return ChoiceFactory(event=cast.event, **kwargs)


def _ids(choice):
    return [option.pk for option in choice.options.all()]


def test_organiser_puts_typed_options_to_the_room(cast):
    """An organiser's choice is open at once with the options in the order typed."""
    choice = services.choice_create(
        event=cast.event,
        by=cast.organiser,
        question="What first?",
        about=Choice.About.OPTIONS,
        method=Choice.Method.DOTS,
        dots=3,
        most_on_one=2,
        labels=["Bins", "Benches", "Bins", " "],
    )
    assert choice.is_open
    assert [o.label for o in choice.options.all()] == ["Bins", "Benches"]


def test_organiser_puts_projects_to_the_room(cast):
    """A choice about projects has one option per project, named after it."""
    projects = [ProjectFactory(title="Orchard"), ProjectFactory(title="Repair cafe")]
    choice = services.choice_create(
        event=cast.event,
        by=cast.organiser,
        question="Which next?",
        about=Choice.About.PROJECTS,
        method=Choice.Method.RANKING,
        projects=projects,
    )
    assert [(o.label, o.project_id) for o in choice.options.all()] == [
        ("Orchard", projects[0].pk),
        ("Repair cafe", projects[1].pk),
    ]


def test_organiser_puts_barriers_to_the_room():
    """A choice about barriers has one option per barrier."""
    treatment = TreatmentFactory()
    barriers = [BarrierFactory(treatment=treatment), BarrierFactory(treatment=treatment)]
    host = treatment.event.series.organisers.create(email="host@example.org")
    choice = services.choice_create(
        event=treatment.event,
        by=host,
        question="Which barrier do we bust next?",
        about=Choice.About.BARRIERS,
        method=Choice.Method.DOTS,
        barriers=barriers,
    )
    assert [o.barrier_id for o in choice.options.all()] == [b.pk for b in barriers]


def test_only_organisers_put_a_choice(cast):
    """Someone with a place cannot put a choice to the room."""
    with pytest.raises(NotAllowed):
        services.choice_create(
            event=cast.event,
            by=cast.attendee,
            question="Q",
            about=Choice.About.OPTIONS,
            method=Choice.Method.DOTS,
            labels=["A", "B"],
        )


def test_a_choice_needs_two_options(cast):
    """One option is no choice."""
    with pytest.raises(Refusal):
        services.choice_create(
            event=cast.event,
            by=cast.organiser,
            question="Q",
            about=Choice.About.OPTIONS,
            method=Choice.Method.DOTS,
            labels=["Only one"],
        )


def test_more_on_one_option_than_dots_is_refused(cast):
    """Nobody can put more dots on one option than they have."""
    with pytest.raises(Refusal) as raised:
        services.choice_create(
            event=cast.event,
            by=cast.organiser,
            question="Q",
            about=Choice.About.OPTIONS,
            method=Choice.Method.DOTS,
            dots=2,
            most_on_one=3,
            labels=["A", "B"],
        )
    assert raised.value.field == "most_on_one"


def test_seats_must_be_fewer_than_options(cast):
    """Choosing every option is no choice."""
    with pytest.raises(Refusal) as raised:
        services.choice_create(
            event=cast.event,
            by=cast.organiser,
            question="Q",
            about=Choice.About.OPTIONS,
            method=Choice.Method.DOTS,
            seats=2,
            labels=["A", "B"],
        )
    assert raised.value.field == "seats"


def test_no_choice_at_a_cancelled_event(cast):
    """A cancelled event puts nothing to a vote."""
    cast.event.status = cast.event.Status.CANCELLED
    cast.event.save()
    with pytest.raises(Refusal):
        services.choice_create(
            event=cast.event,
            by=cast.organiser,
            question="Q",
            about=Choice.About.OPTIONS,
            method=Choice.Method.DOTS,
            labels=["A", "B"],
        )


def test_a_person_with_a_place_casts_dots(cast):
    """A ballot keeps each option's dots."""
    choice = _dots(cast)
    first, second, _third = _ids(choice)
    services.ballot_cast(choice=choice, user=cast.attendee, dots={first: 2, second: 1})
    marks = dict(BallotMark.objects.values_list("option_id", "dots"))
    assert marks == {first: 2, second: 1}


def test_casting_again_replaces_the_ballot(cast):
    """A second vote replaces the first: still one ballot."""
    choice = _dots(cast)
    first, second, _third = _ids(choice)
    services.ballot_cast(choice=choice, user=cast.attendee, dots={first: 2})
    services.ballot_cast(choice=choice, user=cast.attendee, dots={second: 1})
    assert Ballot.objects.count() == 1
    assert dict(BallotMark.objects.values_list("option_id", "dots")) == {second: 1}


def test_without_a_place_nobody_votes(cast):
    """A resident without a place cannot vote on a phone."""
    choice = _dots(cast)
    with pytest.raises(NotAllowed):
        services.ballot_cast(choice=choice, user=cast.resident, dots={_ids(choice)[0]: 1})


def test_too_many_dots_are_refused_in_plain_words(cast):
    """More dots than a person has is refused, saying how many they have."""
    choice = _dots(cast)
    a, b, _c = _ids(choice)
    with pytest.raises(Refusal) as raised:
        services.ballot_cast(choice=choice, user=cast.attendee, dots={a: 2, b: 2})
    assert "3 dots" in str(raised.value)
    assert not Ballot.objects.exists()


def test_an_option_of_another_choice_is_refused(cast):
    """Dots on another choice's option are refused."""
    choice = _dots(cast)
    other = _dots(cast)
    with pytest.raises(Refusal):
        services.ballot_cast(choice=choice, user=cast.attendee, dots={_ids(other)[0]: 1})


def test_ranking_keeps_places(cast):
    """A ranking keeps the place given to each option."""
    choice = _dots(cast, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, _b, c = _ids(choice)
    services.ballot_cast(choice=choice, user=cast.attendee, places={c: 1, a: 2})
    assert dict(BallotMark.objects.values_list("option_id", "place")) == {c: 1, a: 2}


def test_ranking_with_a_gap_is_refused(cast):
    """Places must run 1, 2, 3 with no gaps."""
    choice = _dots(cast, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, b, _c = _ids(choice)
    with pytest.raises(Refusal):
        services.ballot_cast(choice=choice, user=cast.attendee, places={a: 1, b: 3})


def test_no_votes_after_closing(cast):
    """A closed choice takes no more ballots."""
    choice = _dots(cast)
    services.choice_close(choice=choice, by=cast.organiser)
    with pytest.raises(Refusal):
        services.ballot_cast(choice=choice, user=cast.attendee, dots={_ids(choice)[0]: 1})


def test_a_person_takes_back_their_vote(cast):
    """Withdrawing deletes the ballot while the choice is open."""
    choice = _dots(cast)
    services.ballot_cast(choice=choice, user=cast.attendee, dots={_ids(choice)[0]: 1})
    assert services.ballot_withdraw(choice=choice, user=cast.attendee)
    assert not Ballot.objects.exists()


def test_the_database_refuses_a_second_ballot(cast):
    """The unique constraint holds even when the service is bypassed."""
    choice = _dots(cast)
    Ballot.objects.create(choice=choice, user=cast.attendee)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(choice=choice, user=cast.attendee)


def test_room_dots_are_recorded(cast):
    """The organiser's room counts are kept on the options, with the people counted."""
    choice = _dots(cast)
    a, b, c = _ids(choice)
    services.choice_room_counts_set(choice=choice, by=cast.organiser, people=4, dots={a: 5, c: 2})
    assert dict(choice.options.values_list("pk", "room_dots")) == {a: 5, b: 0, c: 2}
    choice.refresh_from_db()
    assert choice.room_people == 4


def test_room_dots_more_than_people_could_give_are_refused(cast):
    """Two people with three dots each cannot put seven dots on the wall."""
    choice = _dots(cast)
    a, b, _c = _ids(choice)
    with pytest.raises(Refusal):
        services.choice_room_counts_set(
            choice=choice, by=cast.organiser, people=2, dots={a: 4, b: 3}
        )


def test_room_places_more_than_people_are_refused(cast):
    """More first places than people in the room is refused."""
    choice = _dots(cast, method=Choice.Method.RANKING, dots=1, most_on_one=1)
    a, b, _c = _ids(choice)
    with pytest.raises(Refusal):
        services.choice_room_counts_set(
            choice=choice, by=cast.organiser, people=2, places={a: [2, 0, 0], b: [1, 0, 0]}
        )


def test_only_organisers_type_in_room_counts(cast):
    """Someone with a place cannot type in the room's counts."""
    choice = _dots(cast)
    with pytest.raises(NotAllowed):
        services.choice_room_counts_set(choice=choice, by=cast.attendee, people=1, dots={})


def test_closing_records_the_count_and_the_choice(cast):
    """Closing keeps phones and room points per option and marks the winner."""
    choice = _dots(cast)
    a, b, c = _ids(choice)
    services.ballot_cast(choice=choice, user=cast.attendee, dots={b: 2, c: 1})
    services.choice_room_counts_set(choice=choice, by=cast.organiser, people=2, dots={a: 3})
    services.choice_close(choice=choice, by=cast.organiser)
    rows = {
        o.pk: (o.points_phones, o.points_room, o.points, o.chosen) for o in choice.options.all()
    }
    assert rows == {a: (0, 3, 3, True), b: (2, 0, 2, False), c: (1, 0, 1, False)}
    choice.refresh_from_db()
    assert (choice.status, choice.ballots_at_close) == (Choice.Status.CLOSED, 1)


def test_the_record_stays_when_a_ballot_goes(cast):
    """Deleting a ballot after closing (an account closed) leaves the recorded count."""
    choice = _dots(cast)
    a = _ids(choice)[0]
    services.ballot_cast(choice=choice, user=cast.attendee, dots={a: 2})
    services.choice_close(choice=choice, by=cast.organiser)
    Ballot.objects.all().delete()
    assert choice.options.get(pk=a).points == 2


def test_closing_twice_is_refused(cast):
    """A closed choice cannot be closed again."""
    choice = _dots(cast)
    services.choice_close(choice=choice, by=cast.organiser)
    with pytest.raises(Refusal):
        services.choice_close(choice=choice, by=cast.organiser)


def test_only_organisers_close(cast):
    """Someone with a place cannot close voting."""
    choice = _dots(cast)
    with pytest.raises(NotAllowed):
        services.choice_close(choice=choice, by=cast.attendee)


def test_can_vote_needs_a_confirmed_place():
    """A person on the waiting list cannot vote; one with a place can."""
    event = EventFactory(capacity=1)
    going, waiting = UserFactory(), UserFactory()
    rsvp_join(event=event, user=going)
    rsvp_join(event=event, user=waiting)
    choice = ChoiceFactory(event=event)
    assert services.can_vote(going, choice)
    assert not services.can_vote(waiting, choice)
