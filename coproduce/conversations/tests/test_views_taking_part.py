import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations import services
from coproduce.conversations.models import Conversation, Participant, Vote
from coproduce.conversations.views.taking_part import cookie_name

from .factories import (
    SignedLinkFactory,
    StatementFactory,
    conversation_with,
    officer,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"conversations:{name}", args=args)


def shown_statement(page) -> int:
    return int(re.search(r'name="statement" value="(\d+)"', page.text).group(1))


# Taking part ----------------------------------------------------------------------------


def test_a_visitor_reads_an_open_conversation_and_is_asked_to_sign_in(client):
    """Anyone may read it; taking part needs an account or a link."""
    conversation, _ = conversation_with(2)
    page = client.get(url("detail", conversation.pk))
    assert page.status_code == 200
    assert "Sign in to take part" in page.text
    assert 'name="answer"' not in page.text


def test_a_conversation_being_set_up_is_hidden_from_others(client):
    """A draft is a 404 for anyone but the people running it."""
    conversation, _ = conversation_with(2, status=Conversation.Status.DRAFT)
    client.force_login(UserFactory())
    assert client.get(url("detail", conversation.pk)).status_code == 404
    client.logout()
    assert client.get(url("detail", conversation.pk)).status_code == 404
    client.force_login(officer())
    assert client.get(url("detail", conversation.pk)).status_code == 200


def test_the_owner_of_a_draft_sees_it(client):
    """Whoever opened it (an officer) sees their draft."""
    person = officer()
    conversation, _ = conversation_with(2, status=Conversation.Status.DRAFT, opened_by=person)
    client.force_login(person)
    assert client.get(url("detail", conversation.pk)).status_code == 200


def test_a_signed_in_person_sees_one_statement_with_three_buttons(client):
    """The page shows one statement, agree / disagree / pass buttons and progress."""
    conversation, _ = conversation_with(3)
    client.force_login(UserFactory())
    page = client.get(url("detail", conversation.pk))
    assert page.text.count('name="answer"') == 3
    assert "You have answered 0 of 3 statements." in page.text


def test_opening_the_page_makes_no_participant(client):
    """Reading the page writes nothing: the participant is made by the first vote."""
    conversation, _ = conversation_with(3)
    client.force_login(UserFactory())
    client.get(url("detail", conversation.pk))
    assert Participant.objects.count() == 0


def test_voting_moves_on_to_the_next_statement(client):
    """A vote is recorded and the page then shows another statement."""
    conversation, _ = conversation_with(3)
    client.force_login(UserFactory())
    first = shown_statement(client.get(url("detail", conversation.pk)))
    answer = client.post(url("vote", conversation.pk), {"statement": first, "answer": "agree"})
    assert answer.status_code == 302
    page = client.get(url("detail", conversation.pk))
    assert shown_statement(page) != first
    assert "You have answered 1 of 3 statements." in page.text
    assert Vote.objects.get().value == 1


def test_answering_every_statement_says_thank_you(client):
    """After the last statement the page says there are none left."""
    conversation, statements = conversation_with(2)
    client.force_login(UserFactory())
    for statement in statements:
        client.post(url("vote", conversation.pk), {"statement": statement.pk, "answer": "pass"})
    assert "You have answered every statement" in client.get(url("detail", conversation.pk)).text


def test_a_made_up_answer_is_a_400_with_a_message(client):
    """An answer other than agree, disagree or pass is refused plainly."""
    conversation, (statement, _other) = conversation_with(2)
    client.force_login(UserFactory())
    answer = client.post(url("vote", conversation.pk), {"statement": statement.pk, "answer": "yes"})
    assert answer.status_code == 400
    assert "Choose agree, disagree or pass." in answer.text


def test_a_made_up_statement_number_is_a_400_with_a_message(client):
    """A statement number that is not a number is refused plainly."""
    conversation, _ = conversation_with(2)
    client.force_login(UserFactory())
    answer = client.post(url("vote", conversation.pk), {"statement": "²", "answer": "agree"})
    assert answer.status_code == 400
    assert "must be a whole number" in answer.text


def test_a_statement_of_another_conversation_is_refused(client):
    """Votes only go on this conversation's shown statements."""
    conversation, _ = conversation_with(2)
    _other, (elsewhere, _x) = conversation_with(2)
    client.force_login(UserFactory())
    answer = client.post(
        url("vote", conversation.pk), {"statement": elsewhere.pk, "answer": "agree"}
    )
    assert answer.status_code == 400
    assert Vote.objects.count() == 0


def test_a_visitor_without_a_link_cannot_vote(client):
    """No account and no link: 403."""
    conversation, (statement, _other) = conversation_with(2)
    answer = client.post(
        url("vote", conversation.pk), {"statement": statement.pk, "answer": "agree"}
    )
    assert answer.status_code == 403


def test_voting_is_post_only(client):
    """GET on the vote address does nothing."""
    conversation, _ = conversation_with(2)
    client.force_login(UserFactory())
    assert client.get(url("vote", conversation.pk)).status_code == 405


def test_changing_an_answer_from_the_list(client):
    """The list of answers lets a person change one; the last answer counts."""
    conversation, (statement, _other) = conversation_with(2)
    client.force_login(UserFactory())
    client.post(url("vote", conversation.pk), {"statement": statement.pk, "answer": "agree"})
    assert "Change your last answers" in client.get(url("detail", conversation.pk)).text
    client.post(url("vote", conversation.pk), {"statement": statement.pk, "answer": "disagree"})
    statement.refresh_from_db()
    assert (statement.agree_count, statement.disagree_count, Vote.objects.count()) == (0, 1, 1)


# Adding a statement -----------------------------------------------------------------------


def test_adding_a_statement_needs_an_account(client):
    """Visitors are sent to sign in."""
    conversation, _ = conversation_with(2)
    assert client.get(url("statement_new", conversation.pk)).status_code == 302


def test_a_residents_statement_shows_to_them_as_waiting(client):
    """The author sees their statement as waiting; others do not see it at all."""
    conversation, _ = conversation_with(2)
    author = UserFactory()
    client.force_login(author)
    assert client.get(url("statement_new", conversation.pk)).status_code == 200
    client.post(url("statement_new", conversation.pk), {"text": "Free fruit at school gates"})
    assert "Free fruit at school gates" in client.get(url("detail", conversation.pk)).text
    client.force_login(UserFactory())
    assert "Free fruit at school gates" not in client.get(url("detail", conversation.pk)).text


def test_an_empty_statement_is_a_form_error(client):
    """Sending nothing gives the error summary and a 400."""
    conversation, _ = conversation_with(2)
    client.force_login(UserFactory())
    answer = client.post(url("statement_new", conversation.pk), {"text": ""})
    assert answer.status_code == 400
    assert "Enter your statement" in answer.text


# Links ----------------------------------------------------------------------------------


def test_opening_a_link_writes_nothing(client):
    """The link's page shows a button; opening it makes no participant."""
    link = SignedLinkFactory()
    page = client.get(url("join", link.token))
    assert page.status_code == 200 and "Start" in page.text
    assert Participant.objects.count() == 0


def test_a_made_up_link_is_a_404(client):
    """A token that is not a link is not found."""
    assert client.get(url("join", "nothing")).status_code == 404


def test_joining_through_a_link_lets_a_person_vote_without_an_account(client):
    """The POST makes a participant and a cookie; that browser can then vote once each."""
    link = SignedLinkFactory()
    statement = StatementFactory(conversation=link.conversation)
    StatementFactory(conversation=link.conversation)
    answer = client.post(url("join", link.token))
    assert answer.status_code == 302
    assert cookie_name(link.conversation_id) in answer.cookies
    page = client.get(url("detail", link.conversation_id))
    assert page.text.count('name="answer"') == 3
    for value in ("agree", "disagree"):
        client.post(url("vote", link.conversation_id), {"statement": statement.pk, "answer": value})
    vote = Vote.objects.get()
    assert (vote.participant.link, vote.value) == (link, -1)


def test_joining_twice_on_one_device_makes_one_participant(client):
    """Pressing the button again on the same browser keeps the same participant."""
    link = SignedLinkFactory()
    client.post(url("join", link.token))
    client.post(url("join", link.token))
    assert Participant.objects.count() == 1


def test_a_forged_cookie_is_not_a_participant(client):
    """A cookie that was not signed by the site counts for nothing."""
    link = SignedLinkFactory()
    statement = StatementFactory(conversation=link.conversation)
    participant = services.link_join(link=link)
    client.cookies[cookie_name(link.conversation_id)] = f"{participant.pk}:{participant.key}"
    answer = client.post(
        url("vote", link.conversation_id), {"statement": statement.pk, "answer": "agree"}
    )
    assert answer.status_code == 403


def test_a_signed_in_person_joining_takes_part_with_their_account(client):
    """A signed-in person pressing the link's button gets no second participant."""
    link = SignedLinkFactory()
    client.force_login(UserFactory())
    assert client.post(url("join", link.token)).status_code == 302
    assert Participant.objects.count() == 0


def test_a_closed_link_says_so(client):
    """A closed link's page says it is closed and its button is refused."""
    link = SignedLinkFactory()
    services.link_close(by=link.created_by, link=link)
    assert "This link has been closed" in client.get(url("join", link.token)).text
    assert client.post(url("join", link.token)).status_code == 400
    assert Participant.objects.count() == 0
