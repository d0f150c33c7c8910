"""One ballot per person per round, however many requests arrive at once.

In-memory SQLite answers "table is locked" at once instead of letting writers wait, so that
every request can give up there: the threaded test runs in the PostgreSQL part only. Run it:

    script/with-postgres .venv/bin/pytest coproduce/budgets/tests/test_concurrency.py
"""

import threading

import pytest
from django.db import connection

from coproduce.budgets import services
from coproduce.budgets.models import Ballot, BallotChoice, Round
from coproduce.budgets.stages import Stage
from coproduce.common.errors import Refusal

from .factories import ProposalFactory, RoundFactory, resident_of

SENDS = 50


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_ballots_sent_at_once_by_one_person_leave_one_ballot():
    """50 simultaneous submissions by one voter: one ballot, holding one submission's choices."""
    budget_round = RoundFactory(stage=Stage.VOTING, most_choices=None)
    proposals = ProposalFactory.create_batch(5, budget_round=budget_round, cost=100)
    voter = resident_of(budget_round.wards.first())
    choices = [{proposals[n % 5].pk, proposals[(n + 1) % 5].pk} for n in range(SENDS)]
    start = threading.Barrier(SENDS)
    outcomes: list[str] = []

    def send(chosen):
        try:
            start.wait()
            services.ballot_cast(
                budget_round=Round.objects.get(pk=budget_round.pk),
                voter=voter,
                proposal_ids=chosen,
            )
            outcomes.append("saved")
        except Refusal:
            outcomes.append("refused")
        except Exception as error:  # a lock timeout or a database error would show here
            outcomes.append(type(error).__name__)
        finally:
            connection.close()  # the thread's own; left open, teardown cannot drop the db

    threads = [threading.Thread(target=send, args=(chosen,)) for chosen in choices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Ballot.objects.filter(budget_round=budget_round, voter=voter).count() == 1
    kept = set(BallotChoice.objects.values_list("proposal_id", flat=True))
    assert kept in choices  # one whole submission, never a mixture
    assert outcomes == ["saved"] * SENDS, outcomes  # every one waits its turn
