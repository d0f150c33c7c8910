import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.mailing.models import SuppressedAddress
from coproduce.notifications import kinds
from coproduce.notifications.models import NotificationPreference
from coproduce.notifications.selectors import email_choice_for

pytestmark = pytest.mark.django_db


def test_email_choice_is_the_kinds_default_until_the_person_chooses(django_assert_num_queries):
    """How to email a kind, and whether the address bounced, in one query."""
    user = UserFactory(email="ada@example.org")
    with django_assert_num_queries(1):
        assert email_choice_for(user, "account") == (kinds.get("account").default, False)
    NotificationPreference.objects.create(user=user, kind="account", frequency="daily")
    assert email_choice_for(user, "account") == (kinds.Frequency.DAILY, False)


def test_email_choice_sees_a_bounced_address_however_it_is_written():
    """A suppressed address is found whatever the case of the person's address."""
    user = UserFactory(email="Ada@Example.org")
    SuppressedAddress.objects.create(address="ada@example.org", reason="hard_bounce")
    assert email_choice_for(user, "account")[1] is True
    other = UserFactory(email="bob@example.org")
    assert email_choice_for(other, "account")[1] is False
