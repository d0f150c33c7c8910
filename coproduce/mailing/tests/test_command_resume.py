from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from coproduce.mailing.models import Delivery, Mailing

from .factories import DeliveryFactory, MailingFactory

pytestmark = pytest.mark.django_db


def _resume() -> str:
    out = StringIO()
    call_command("mailing_resume", stdout=out)
    return out.getvalue()


def test_a_mailing_whose_batch_died_is_resumed():
    """A quiet mailing with an expired claim is sent on, the claim included."""
    long_ago = timezone.now() - timedelta(hours=1)
    mailing = MailingFactory(status=Mailing.Status.SENDING, heartbeat_at=long_ago)
    DeliveryFactory(
        mailing=mailing, state=Delivery.State.CLAIMED, claim="dead", claimed_until=long_ago
    )
    DeliveryFactory(mailing=mailing)
    assert "resumed: 1" in _resume()
    assert len(mail.outbox) == 2
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_a_mailing_with_a_live_batch_is_left_alone():
    """A mailing whose heartbeat is recent is not given a second batch."""
    mailing = MailingFactory(status=Mailing.Status.SENDING, heartbeat_at=timezone.now())
    DeliveryFactory(mailing=mailing)
    assert "nothing: 1" in _resume()
    assert mail.outbox == []


def test_a_scheduled_mailing_begins_when_due():
    """A scheduled mailing whose time has passed starts sending."""
    mailing = MailingFactory(
        status=Mailing.Status.SCHEDULED, send_after=timezone.now() - timedelta(minutes=1)
    )
    DeliveryFactory(mailing=mailing)
    assert "begun: 1" in _resume()
    assert len(mail.outbox) == 1


def test_a_scheduled_mailing_waits_until_due():
    """A scheduled mailing for later is left alone."""
    mailing = MailingFactory(
        status=Mailing.Status.SCHEDULED, send_after=timezone.now() + timedelta(hours=1)
    )
    DeliveryFactory(mailing=mailing)
    _resume()
    assert mail.outbox == []


def test_a_retry_is_sent_once_its_time_comes():
    """A delivery waiting after a temporary refusal is sent when due."""
    long_ago = timezone.now() - timedelta(hours=1)
    mailing = MailingFactory(status=Mailing.Status.SENDING, heartbeat_at=long_ago)
    DeliveryFactory(mailing=mailing, attempts=1, retry_after=long_ago)
    _resume()
    assert Delivery.objects.get().state == Delivery.State.SENT
