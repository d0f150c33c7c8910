"""Residents' statements in the moderators' queue, which discussion owns."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations import services
from coproduce.conversations.models import Statement
from coproduce.discussion.models import ModerationAction

from .factories import ConversationFactory, moderator

pytestmark = pytest.mark.django_db


def waiting_statement(text="Free fruit at school gates"):
    return services.statement_add(by=UserFactory(), conversation=ConversationFactory(), text=text)


def decide_url(statement):
    return reverse("discussion:waiting_decide", args=["statement", statement.pk])


def test_a_waiting_statement_is_in_the_moderators_queue(client):
    """The queue lists statements waiting to be shown, with where they were sent."""
    statement = waiting_statement()
    client.force_login(moderator())
    page = client.get(reverse("discussion:queue"))
    assert statement.text in page.text
    assert statement.conversation.question in page.text


def test_a_moderator_approves_it_and_the_log_says_so(client):
    """Approving shows the statement and writes the moderation log."""
    statement = waiting_statement()
    client.force_login(moderator())
    assert client.get(decide_url(statement)).status_code == 200
    answer = client.post(decide_url(statement), {"decision": "approve", "reason": ""})
    assert answer.status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.SHOWN
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.target, entry.target_id) == ("approve", "statement", statement.pk)


def test_rejecting_needs_a_reason(client):
    """Saying no without a reason is a form error, and nothing changes."""
    statement = waiting_statement()
    client.force_login(moderator())
    answer = client.post(decide_url(statement), {"decision": "reject", "reason": ""})
    assert answer.status_code == 400
    assert "Say why it cannot be shown" in answer.text
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WAITING


def test_a_rejected_statement_is_logged_with_its_reason(client):
    """Rejecting records the reason in the log, and the statement stays hidden."""
    statement = waiting_statement()
    client.force_login(moderator())
    client.post(decide_url(statement), {"decision": "reject", "reason": "Names a person"})
    statement.refresh_from_db()
    assert statement.status == Statement.Status.REJECTED
    assert ModerationAction.objects.get().reason == "Names a person"
    assert "Names a person" in client.get(reverse("discussion:log")).text


def test_a_resident_cannot_decide(client):
    """Only moderators reach the decision page."""
    statement = waiting_statement()
    client.force_login(UserFactory())
    assert client.get(decide_url(statement)).status_code == 403
    assert client.post(decide_url(statement), {"decision": "approve"}).status_code == 403


def test_an_unknown_kind_is_not_found(client):
    """A kind nobody registered is a 404."""
    client.force_login(moderator())
    assert client.get(reverse("discussion:waiting_decide", args=["nothing", 1])).status_code == 404


def test_a_statement_already_decided_goes_back_to_the_queue(client):
    """Opening the decision for a statement already dealt with says so."""
    statement = waiting_statement()
    services.statement_decide(moderator=moderator(), pk=statement.pk, approve=True, reason="")
    client.force_login(moderator())
    assert client.get(decide_url(statement)).status_code == 302
