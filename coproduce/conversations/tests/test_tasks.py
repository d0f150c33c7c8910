import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations import services, tasks
from coproduce.conversations.models import Conversation, OpinionSnapshot, Participant

from .factories import conversation_with

pytestmark = pytest.mark.django_db


def two_sides(conversation, statements, *, people: int = 12):
    """Half the people agree with the first half of the statements and disagree with the rest;
    the other half the opposite; everyone agrees with the last statement."""
    *sides, shared = statements
    middle = len(sides) // 2
    for n in range(people):
        participant = Participant.objects.create(conversation=conversation, user=UserFactory())
        for i, statement in enumerate(sides):
            agree = (i < middle) == (n % 2 == 0)
            value = 1 if agree else -1
            services.vote_record(participant=participant, statement=statement, value=value)
        services.vote_record(participant=participant, statement=shared, value=1)


def test_votes_queue_one_analysis_that_saves_a_snapshot(django_capture_on_commit_callbacks):
    """Votes ask for an analysis; once it has run the conversation has a snapshot of groups."""
    conversation, statements = conversation_with(9)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        two_sides(conversation, statements)
    assert len(callbacks) == 1  # one analysis asked for, however many votes
    snapshot = OpinionSnapshot.objects.get(conversation=conversation)
    assert snapshot.votes == 12 * 9
    assert snapshot.data["k"] == 2
    assert sorted(g["members"] for g in snapshot.data["groups"]) == [6, 6]


def test_analysis_finds_the_shared_statement_as_common_ground(django_capture_on_commit_callbacks):
    """The statement everyone agreed with is common ground, agreed by every group."""
    conversation, statements = conversation_with(9)
    with django_capture_on_commit_callbacks(execute=True):
        two_sides(conversation, statements)
    data = OpinionSnapshot.objects.get(conversation=conversation).data
    assert data["common_ground"][0]["statement"] == statements[-1].pk
    assert data["common_ground"][0]["direction"] == "agree"


def test_a_second_request_waits_while_one_is_pending():
    """While an analysis waits, more votes do not queue another."""
    conversation, _statements = conversation_with(2)
    assert services.analysis_request(conversation_id=conversation.pk) is True
    assert services.analysis_request(conversation_id=conversation.pk) is False


def test_starting_the_analysis_lets_new_votes_ask_again():
    """Once an analysis starts, the next vote asks for another, so none is missed."""
    conversation, _statements = conversation_with(2)
    services.analysis_request(conversation_id=conversation.pk)
    tasks.conversation_analyse.call(conversation.pk)
    assert Conversation.objects.get(pk=conversation.pk).analysis_pending is False
    assert services.analysis_request(conversation_id=conversation.pk) is True


def test_vote_arrays_hold_every_vote(django_capture_on_commit_callbacks):
    """The analysis reads every vote of the conversation, and only of it."""
    conversation, statements = conversation_with(9)
    other, other_statements = conversation_with(9)
    two_sides(conversation, statements, people=4)
    two_sides(other, other_statements, people=2)
    participants, statement_ids, values = tasks.vote_arrays(conversation.pk)
    assert len(participants) == 4 * 9
    assert set(statement_ids.tolist()) == {s.pk for s in statements}
    assert set(values.tolist()) == {1, -1}


def test_a_second_run_starts_warm_and_keeps_the_groups(django_capture_on_commit_callbacks):
    """After more votes, the next run (warm, from the last) keeps two groups of the same size."""
    conversation, statements = conversation_with(9)
    with django_capture_on_commit_callbacks(execute=True):
        two_sides(conversation, statements)
    first = OpinionSnapshot.objects.get(conversation=conversation).data
    assert conversation.pk in tasks._warm
    with django_capture_on_commit_callbacks(execute=True):
        two_sides(conversation, statements, people=4)
    second = OpinionSnapshot.objects.get(conversation=conversation).data
    assert second["votes"] == first["votes"] + 4 * 9
    assert sorted(g["members"] for g in second["groups"]) == [8, 8]
