import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.models import Notification
from coproduce.timebank import selectors, services
from coproduce.timebank.invariants import ledger_problems
from coproduce.timebank.models import Account, LedgerIsAppendOnly, Posting, Transfer

from .factories import AccountFactory

pytestmark = pytest.mark.django_db


def coordinator(**kwargs):
    """A person given the time bank's coordinate permission (officers get it through roles)."""
    user = UserFactory(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="timebank", codename="coordinate")
    )
    return type(user).objects.get(pk=user.pk)  # a fresh object: no stale permission cache


def _record(staff, a, b, minutes=60):
    return services.transfer_record(
        actor=staff, from_account=a, to_account=b, minutes=minutes, description="Gardening"
    )


def test_posting_writes_two_postings_that_sum_to_zero():
    """A posted transfer has exactly two postings, minus from the payer and plus to the helper."""
    a, b = AccountFactory(), AccountFactory()
    transfer = _record(coordinator(), a, b, 90)
    postings = {p.account_id: p.minutes for p in transfer.postings.all()}
    assert postings == {a.pk: -90, b.pk: 90}
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.balance, b.balance) == (-90, 90)
    assert selectors.balance_from_postings(a) == -90
    assert ledger_problems({transfer.pk}) == []


@pytest.mark.parametrize("minutes", [0, -30, 1.5, "60", True])
def test_zero_negative_or_odd_amounts_are_refused(minutes):
    """Zero, negative, fractional or non-number amounts are refused and nothing is stored."""
    a, b = AccountFactory(), AccountFactory()
    with pytest.raises(Refusal):
        _record(coordinator(), a, b, minutes)
    assert Transfer.objects.count() == 0
    assert Posting.objects.count() == 0


def test_transfer_to_the_same_account_is_refused():
    """Time cannot go from an account to itself."""
    a = AccountFactory()
    with pytest.raises(Refusal, match="same account"):
        _record(coordinator(), a, a)
    assert Transfer.objects.count() == 0


def test_the_database_refuses_a_transfer_to_oneself_too():
    """The check constraint stops a transfer to oneself even past the service."""
    a = AccountFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(
            from_account=a, to_account=a, minutes=5, description="x", requested_by=a.user
        )


def test_debt_limit_is_enforced():
    """A transfer that would take the payer past their debt limit is refused, nothing posted."""
    a, b = AccountFactory(min_balance=-60), AccountFactory()
    with pytest.raises(services.LimitReached):
        _record(coordinator(), a, b, 61)
    assert Posting.objects.count() == 0
    assert Transfer.objects.count() == 0
    a.refresh_from_db()
    assert a.balance == 0


def test_credit_limit_is_enforced():
    """A transfer that would take the helper past their credit cap is refused."""
    a, b = AccountFactory(), AccountFactory(max_balance=30)
    with pytest.raises(services.LimitReached):
        _record(coordinator(), a, b, 31)
    assert Posting.objects.count() == 0


@pytest.mark.parametrize("full", ["payer", "payee"])
def test_the_refusal_names_the_side_whose_limit_stopped_it(full):
    """The payer's room is not mistaken for a stop once it has moved: 400 minutes fit within
    its -600, but counted twice (after its own move) they would not."""
    payer = AccountFactory(min_balance=-300 if full == "payer" else -600)
    payee = AccountFactory(max_balance=60 if full == "payee" else 600)
    with pytest.raises(services.LimitReached) as refused:
        _record(coordinator(), payer, payee, 400)
    stopped = payer if full == "payer" else payee
    words = "cannot give" if full == "payer" else "cannot receive"
    assert str(refused.value).startswith(f"{stopped.holder_name} {words}")
    assert Posting.objects.count() == 0


def test_the_database_refuses_a_balance_past_a_limit():
    """The balance check constraint is a last line of defence below the service."""
    a = AccountFactory(min_balance=-10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=a.pk).update(balance=-11)


def test_postings_cannot_be_changed_or_deleted():
    """Saving an existing posting, deleting it or bulk-updating postings raises."""
    transfer = _record(coordinator(), AccountFactory(), AccountFactory())
    posting = transfer.postings.first()
    posting.minutes = 1
    with pytest.raises(LedgerIsAppendOnly):
        posting.save()
    with pytest.raises(LedgerIsAppendOnly):
        posting.delete()
    with pytest.raises(LedgerIsAppendOnly):
        Posting.objects.filter(pk=posting.pk).update(minutes=5)
    with pytest.raises(LedgerIsAppendOnly):
        Posting.objects.all().delete()


def test_posting_of_zero_minutes_is_refused_by_the_database():
    """A posting of zero minutes breaks a check constraint."""
    transfer = _record(coordinator(), AccountFactory(), AccountFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Posting.objects.create(account=AccountFactory(), transfer=transfer, minutes=0)


def test_request_then_confirm_by_the_other_side_posts():
    """A request waits with no postings; the other side's confirmation posts it."""
    helper, helped = AccountFactory(), AccountFactory()
    transfer = services.transfer_request(
        actor=helper.user,
        account=helper,
        other=helped,
        minutes=120,
        description="Shelves",
        gave=True,
    )
    assert transfer.status == Transfer.Status.PENDING
    assert transfer.postings.count() == 0
    asked = Notification.objects.get(recipient=helped.user, kind="timebank_confirm")
    # Time to confirm needs an answer: emailed straight away, not in the morning summary.
    assert asked.email_frequency == "immediately"
    with pytest.raises(NotAllowed):
        services.transfer_confirm(actor=helper.user, transfer=transfer)
    services.transfer_confirm(actor=helped.user, transfer=transfer)
    helper.refresh_from_db()
    assert helper.balance == 120
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.POSTED
    assert transfer.recorded_by == helped.user
    with pytest.raises(Refusal):
        services.transfer_confirm(actor=helped.user, transfer=transfer)


def test_someone_else_cannot_request_for_an_account():
    """Only the holder (or a group's organiser) can ask for time on an account."""
    a, b = AccountFactory(), AccountFactory()
    with pytest.raises(NotAllowed):
        services.transfer_request(
            actor=UserFactory(), account=a, other=b, minutes=5, description="x", gave=True
        )


def test_decline_and_cancel():
    """The other side declines; the side that asked cancels; strangers can do neither."""
    a, b = AccountFactory(), AccountFactory()
    first = services.transfer_request(
        actor=a.user, account=a, other=b, minutes=30, description="Tea", gave=False
    )
    with pytest.raises(NotAllowed):
        services.transfer_decline(actor=UserFactory(), transfer=first)
    assert services.transfer_decline(actor=b.user, transfer=first).status == "declined"
    second = services.transfer_request(
        actor=a.user, account=a, other=b, minutes=30, description="Tea", gave=False
    )
    assert services.transfer_decline(actor=a.user, transfer=second).status == "cancelled"
    assert Posting.objects.count() == 0


def test_only_coordinators_record_directly():
    """A resident cannot post a transfer without the other side's confirmation."""
    a, b = AccountFactory(), AccountFactory()
    with pytest.raises(NotAllowed):
        _record(a.user, a, b)


def test_reversal_is_a_new_linked_transfer():
    """Reversing posts a new transfer the other way, linked to the original, once only."""
    staff = coordinator()
    a, b = AccountFactory(), AccountFactory()
    original = _record(staff, a, b, 45)
    reversal = services.transfer_reverse(actor=staff, transfer=original, reason="Wrong person")
    assert reversal.reverses == original
    assert (reversal.from_account, reversal.to_account) == (b, a)
    a.refresh_from_db()
    assert a.balance == 0
    assert original.postings.count() == 2
    with pytest.raises(Refusal):
        services.transfer_reverse(actor=staff, transfer=original, reason="Again")
    assert ledger_problems() == []


def test_organisers_act_for_their_group_account():
    """An organiser of a group can ask for time on its account; a plain member cannot."""
    group = Organisation.objects.create(kind="community_group", name="Seed Swap", slug="seeds")
    organiser, member = UserFactory(), UserFactory()
    Membership.objects.create(organisation=group, user=organiser, role="organiser")
    Membership.objects.create(organisation=group, user=member, role="member")
    account = services.account_open_for_organisation(organisation=group)
    other = AccountFactory()
    services.transfer_request(
        actor=organiser,
        account=account,
        other=other,
        minutes=60,
        description="Stall",
        gave=True,
    )
    with pytest.raises(NotAllowed):
        services.transfer_request(
            actor=member, account=account, other=other, minutes=60, description="Stall", gave=True
        )


def test_limits_cannot_be_set_past_the_balance():
    """A coordinator cannot set limits the current balance is already outside."""
    staff = coordinator()
    a, b = AccountFactory(), AccountFactory()
    _record(staff, a, b, 120)
    with pytest.raises(services.LimitReached):
        services.account_set_limits(actor=staff, account=a, min_balance=-60, max_balance=600)
    updated = services.account_set_limits(actor=staff, account=a, min_balance=-180, max_balance=600)
    assert updated.min_balance == -180
    with pytest.raises(NotAllowed):
        services.account_set_limits(actor=a.user, account=a, min_balance=-999, max_balance=0)


def test_account_opens_once_per_person():
    """Opening an account twice gives the same account."""
    user = UserFactory()
    assert services.account_open_for_user(user=user) == services.account_open_for_user(user=user)
