"""Selectors of the time bank."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.timebank import selectors

from .factories import AccountFactory

pytestmark = pytest.mark.django_db


def test_accounts_by_key_finds_numbers_and_keys_in_one_query():
    a, b = AccountFactory(), AccountFactory()
    with CaptureQueriesContext(connection) as queries:
        found = selectors.accounts_by_key([a.number, b.pk], holders=False)
    assert len(queries) == 1
    assert found == {a.number: a, b.pk: b}


@pytest.mark.parametrize("holders", [True, False])
def test_accounts_by_key_by_keys_or_by_numbers_alone(holders):
    a, b = AccountFactory(), AccountFactory()
    assert selectors.accounts_by_key([a.pk, b.pk], holders=holders) == {a.pk: a, b.pk: b}
    assert selectors.accounts_by_key([a.number], holders=holders) == {a.number: a}


def test_accounts_by_key_leaves_out_what_it_does_not_find():
    a = AccountFactory()
    assert selectors.accounts_by_key([a.pk, a.pk + 1000, "TB0000000000"]) == {a.pk: a}


def test_accounts_by_key_asks_nothing_for_no_keys():
    with CaptureQueriesContext(connection) as queries:
        assert selectors.accounts_by_key([]) == {}
    assert len(queries) == 0
