import threading

import pytest
from django.db import connection

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.sharing.models import Item, Reservation
from coproduce.sharing.services import reservations

from .factories import ItemFactory


# In-memory SQLite answers "table is locked" at once rather than letting writers wait, so the
# winner itself could give up there: the threads run in the PostgreSQL part only.
@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_many_people_reserving_at_once_leaves_exactly_one_reservation():
    """Eight people pressing reserve at the same moment: one wins, the rest are refused."""
    item = ItemFactory()
    people = UserFactory.create_batch(8)
    start = threading.Barrier(len(people))
    outcomes: list[str] = []

    def reserve(person):
        try:
            start.wait()
            reservations.item_reserve(item=Item.objects.get(pk=item.pk), by=person)
            outcomes.append("won")
        except Refusal:
            outcomes.append("refused")
        except Exception as error:  # a lock timeout would show here
            outcomes.append(type(error).__name__)
        finally:
            connection.close()  # the thread's own; left open, teardown cannot drop the db

    threads = [threading.Thread(target=reserve, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("won") == 1, outcomes
    assert Reservation.objects.filter(item=item).count() == 1
