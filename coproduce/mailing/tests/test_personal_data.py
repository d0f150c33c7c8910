from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.mailing.models import Delivery, Mailing
from coproduce.mailing.personal_data import _forget_old_deliveries
from coproduce.personal_data.closing import account_close
from coproduce.personal_data.export import personal_data_gather

from .factories import DeliveryFactory, MailingFactory

pytestmark = pytest.mark.django_db


def test_the_download_lists_emails_sent_to_the_account_and_the_address():
    """Deliveries linked by account or by address are in the person's download."""
    user = UserFactory()
    DeliveryFactory(user=user, mailing=MailingFactory(label="Spring news"))
    DeliveryFactory(address=user.email, mailing=MailingFactory(label="Summer news"))
    DeliveryFactory()  # someone else's
    rows = personal_data_gather(user)["emails_to_many_people"]
    assert sorted(row["what"] for row in rows) == ["Spring news", "Summer news"]


def test_closing_an_account_erases_its_deliveries():
    """Closing the account deletes the record of what was sent to the person."""
    user = UserFactory()
    DeliveryFactory(user=user)
    DeliveryFactory(address=user.email)
    other = DeliveryFactory()
    account_close(user=user, remove_comments=False)
    assert list(Delivery.objects.all()) == [other]


def test_old_deliveries_are_forgotten():
    """Deliveries of mailings that finished before the cut-off are removed."""
    old = MailingFactory(
        status=Mailing.Status.SENT, finished_at=timezone.now() - timedelta(days=400)
    )
    recent = MailingFactory(status=Mailing.Status.SENT, finished_at=timezone.now())
    DeliveryFactory(mailing=old)
    kept = DeliveryFactory(mailing=recent)
    removed = _forget_old_deliveries(timezone.now() - timedelta(days=365))
    assert removed == 1
    assert list(Delivery.objects.all()) == [kept]
