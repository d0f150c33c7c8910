"""The two written-out statements that post a transfer, on each database."""

import pytest
from django.db import IntegrityError, transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.timebank import ledger_sql
from coproduce.timebank.models import Account, Posting, Transfer

from .factories import AccountFactory

pytestmark = pytest.mark.django_db


def _balances(*accounts: Account) -> list[int]:
    return [Account.objects.get(pk=a.pk).balance for a in accounts]


def test_balances_move_within_limits_and_stamp_the_time():
    payer, payee = AccountFactory(min_balance=-600), AccountFactory(max_balance=600)
    now = timezone.now()
    moved = ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=90, now=now)
    assert moved == 2
    assert _balances(payer, payee) == [-90, 90]
    assert Account.objects.get(pk=payee.pk).updated_at == now


@pytest.mark.parametrize("payer_first", [True, False])
def test_the_order_of_the_keys_does_not_matter(payer_first):
    """The CASE takes from the payer whichever of the two has the lower key."""
    first, second = AccountFactory(), AccountFactory()
    payer, payee = (first, second) if payer_first else (second, first)
    ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=30, now=timezone.now())
    assert _balances(payer, payee) == [-30, 30]


def test_a_payer_past_its_lowest_balance_changes_only_the_payee():
    """The caller sees fewer than two rows changed and rolls the whole transfer back."""
    payer, payee = AccountFactory(min_balance=-60), AccountFactory(max_balance=600)
    moved = ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=61, now=timezone.now())
    assert moved == 1
    assert _balances(payer, payee) == [0, 61]


def test_a_payee_past_its_highest_balance_is_not_changed():
    payer, payee = AccountFactory(min_balance=-600), AccountFactory(max_balance=60)
    moved = ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=61, now=timezone.now())
    assert moved == 1
    assert _balances(payer, payee) == [-61, 0]


def test_exactly_at_the_limits_is_allowed():
    payer, payee = AccountFactory(min_balance=-60), AccountFactory(max_balance=60)
    moved = ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=60, now=timezone.now())
    assert moved == 2
    assert _balances(payer, payee) == [-60, 60]


def test_other_accounts_are_never_touched():
    payer, payee, other = AccountFactory(), AccountFactory(), AccountFactory()
    ledger_sql.balances_move(payer=payer.pk, payee=payee.pk, minutes=15, now=timezone.now())
    assert _balances(other) == [0]


def _transfer() -> Transfer:
    return Transfer.objects.create(
        from_account=AccountFactory(),
        to_account=AccountFactory(),
        minutes=45,
        description="Gardening",
        requested_by=UserFactory(),
    )


def test_postings_insert_writes_both_sides_with_the_time():
    transfer = _transfer()
    now = timezone.now()
    ledger_sql.postings_insert(
        transfer_id=transfer.pk,
        payer=transfer.from_account_id,
        payee=transfer.to_account_id,
        minutes=45,
        now=now,
    )
    postings = Posting.objects.filter(transfer=transfer)
    assert {(p.account_id, p.minutes) for p in postings} == {
        (transfer.from_account_id, -45),
        (transfer.to_account_id, 45),
    }
    assert {p.created_at for p in postings} == {now}


def test_postings_keep_the_ledgers_rules():
    """The database's own rules still hold: one posting per side, never zero minutes."""
    transfer = _transfer()
    values = {"payer": transfer.from_account_id, "payee": transfer.to_account_id}
    with pytest.raises(IntegrityError), transaction.atomic():
        ledger_sql.postings_insert(transfer_id=transfer.pk, minutes=0, now=timezone.now(), **values)
    ledger_sql.postings_insert(transfer_id=transfer.pk, minutes=5, now=timezone.now(), **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        ledger_sql.postings_insert(transfer_id=transfer.pk, minutes=5, now=timezone.now(), **values)
    assert Posting.objects.filter(transfer=transfer).count() == 2


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_nothing_is_written():
    """Postings kept without their balance move would break the ledger, so both refuse."""
    transfer = _transfer()
    values = {"payer": transfer.from_account_id, "payee": transfer.to_account_id}
    with pytest.raises(TransactionManagementError):
        ledger_sql.postings_insert(transfer_id=transfer.pk, minutes=5, now=timezone.now(), **values)
    with pytest.raises(TransactionManagementError):
        ledger_sql.balances_move(minutes=5, now=timezone.now(), **values)
    assert not Posting.objects.filter(transfer=transfer).exists()
    assert _balances(transfer.from_account, transfer.to_account) == [0, 0]
