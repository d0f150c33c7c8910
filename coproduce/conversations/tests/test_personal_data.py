import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations import services
from coproduce.conversations.models import Participant, Statement, Vote
from coproduce.personal_data.closing import account_close
from coproduce.personal_data.export import personal_data_gather

from .factories import conversation_with

pytestmark = pytest.mark.django_db


def _took_part():
    person = UserFactory()
    conversation, (statement, _other) = conversation_with(2)
    participant = services.participant_for_user(user=person, conversation=conversation)
    services.vote_record(participant=participant, statement=statement, value=-1)
    own = services.statement_add(by=person, conversation=conversation, text="More allotments")
    return person, statement, own


def test_the_download_has_answers_and_statements():
    """A person's download lists what they answered and the statements they wrote."""
    person, statement, own = _took_part()
    data = personal_data_gather(person)
    answers = data["conversations_taken_part_in"][0]["answers"]
    assert answers == [
        {
            "statement": statement.pk,
            "text": statement.text,
            "answer": "Disagree",
            "when": answers[0]["when"],
        }
    ]
    assert data["conversation_statements"][0]["text"] == own.text


def test_closing_an_account_keeps_votes_without_the_person():
    """The participant loses its account; the vote and the counters stay."""
    person, statement, _own = _took_part()
    account_close(user=person, remove_comments=False)
    statement.refresh_from_db()
    assert Participant.objects.get().user is None
    assert (Vote.objects.count(), statement.disagree_count) == (1, 1)


def test_closing_keeps_statements_as_by_a_former_member():
    """Without asking to remove words, statements stay with no author."""
    person, _statement, own = _took_part()
    account_close(user=person, remove_comments=False)
    own.refresh_from_db()
    assert (own.author, own.text) == (None, "More allotments")


def test_closing_can_remove_the_words_of_statements():
    """Asking to remove words empties the statement and stops it being shown."""
    person, _statement, own = _took_part()
    account_close(user=person, remove_comments=True)
    own.refresh_from_db()
    assert (own.author, own.text, own.status) == (None, "", Statement.Status.REJECTED)
