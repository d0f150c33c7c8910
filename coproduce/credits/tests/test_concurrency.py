import contextlib
import threading

import pytest
from django.db import connection

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.credits import services
from coproduce.credits.models import Credit
from coproduce.projects.models import Contribution
from coproduce.timebank.models import Account, Transfer

from .factories import accepted_volunteer, group_project


@pytest.mark.django_db(transaction=True)
def test_owners_confirming_the_same_help_at_once_make_one_credit():
    """Four owners pressing confirm together: one credit, one transfer, the hours once."""
    project, owner, group = group_project()
    others = UserFactory.create_batch(3)
    for person in others:
        group.memberships.create(user=person, role="organiser")
    contribution = accepted_volunteer(project)
    actors = [owner, *others]
    start = threading.Barrier(len(actors))
    outcomes: list[str] = []
    # In-memory SQLite shares one cache between threads, which answers "table is locked" at
    # once rather than waiting; there the calls take turns (as the time bank's own test does).
    # On PostgreSQL, or SQLite in a file, they truly run together.
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    turns = threading.Lock() if in_memory else contextlib.nullcontext()

    def confirm(actor):
        try:
            start.wait()
            with turns:
                services.credit_for_contribution(
                    actor=actor,
                    contribution=Contribution.objects.get(pk=contribution.pk),
                    minutes=60,
                )
            outcomes.append("credited")
        except Refusal:
            outcomes.append("refused")
        except Exception as error:  # a lock timeout would show here
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(actor,)) for actor in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("credited") == 1, outcomes
    assert outcomes.count("refused") == 3, outcomes
    assert Credit.objects.count() == 1
    assert Transfer.objects.filter(status="posted").count() == 1
    assert Account.objects.get(user=contribution.person).balance == 60
