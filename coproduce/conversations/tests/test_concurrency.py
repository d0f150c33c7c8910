"""One vote per participant per statement, and true counters, under concurrent requests.

The threads need a database that lets writers wait their turn: in-memory SQLite answers
"table is locked" at once, so that every press can fail there, and the test runs in the
PostgreSQL part of `make test` only (`postgresql_only`).
"""

import threading

import pytest
from django.db import connection

from coproduce.conversations import services
from coproduce.conversations.models import Statement, Vote

from .factories import ParticipantFactory, StatementFactory

PEOPLE_PRESSING = 50


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_votes_at_once_by_one_participant_leave_one_vote():
    """50 simultaneous votes (mixed answers) by one participant: one row, counters true."""
    participant = ParticipantFactory()
    statement = StatementFactory(conversation=participant.conversation)
    start = threading.Barrier(PEOPLE_PRESSING)
    outcomes: list[str] = []

    def press(n: int) -> None:
        try:
            start.wait()
            services.vote_record(
                participant=participant,
                statement=Statement.objects.select_related("conversation").get(pk=statement.pk),
                value=(1, -1, 0)[n % 3],
            )
            outcomes.append("ok")
        except Exception as error:  # a lock timeout would show here
            outcomes.append(type(error).__name__)
        finally:
            connection.close()  # the thread's own; left open, teardown cannot drop the db

    threads = [threading.Thread(target=press, args=(n,)) for n in range(PEOPLE_PRESSING)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    vote = Vote.objects.get(participant=participant, statement=statement)
    statement.refresh_from_db()
    counts = {1: statement.agree_count, -1: statement.disagree_count, 0: statement.pass_count}
    assert counts == {value: int(value == vote.value) for value in (1, -1, 0)}, outcomes
    assert outcomes.count("ok") == PEOPLE_PRESSING, outcomes  # every press waits its turn
