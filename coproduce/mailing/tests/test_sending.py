from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.mailing import messages, sending
from coproduce.mailing.models import Delivery, Mailing, SuppressedAddress
from coproduce.mailing.selectors import is_suppressed
from coproduce.mailing.services import mailing_recipients_add, mailing_start
from coproduce.mailing.types import Recipient

from .factories import DeliveryFactory, MailingFactory

pytestmark = pytest.mark.django_db


def _send(mailing, addresses, capture):
    mailing_recipients_add(mailing=mailing, recipients=[Recipient(a) for a in addresses])
    with capture(execute=True):
        mailing_start(mailing=mailing)


def test_every_recipient_gets_one_email_over_smtp(
    counting_smtp, django_capture_on_commit_callbacks
):
    """Over a real SMTP connection each address receives exactly one message."""
    addresses = [f"p{n}@example.org" for n in range(30)]
    _send(MailingFactory(), addresses, django_capture_on_commit_callbacks)
    assert counting_smtp.received == dict.fromkeys(addresses, 1)
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 30


def test_the_message_arrives_whole(counting_smtp, django_capture_on_commit_callbacks):
    """Subject, both parts, the headers and a line starting with a dot arrive intact."""
    mailing = MailingFactory(context={"subject": "Hello", "body": "First line\n.hidden dot line"})
    mailing_recipients_add(
        mailing=mailing,
        recipients=[Recipient("a@example.org", unsubscribe_url="https://x.test/u/1")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    message = counting_smtp.messages[0]
    assert message["Subject"] == "Hello"
    assert message["List-Unsubscribe"] == "<https://x.test/u/1>"
    text = message.get_body(("plain",)).get_content()
    assert "\n.hidden dot line" in text
    assert message.get_body(("html",)) is not None
    assert message["Message-ID"] == Delivery.objects.get().message_id


def test_a_refusal_for_good_at_rcpt_is_a_hard_bounce(
    counting_smtp, django_capture_on_commit_callbacks
):
    """A 5xx at RCPT marks the delivery bounced and suppresses the address."""
    _send(
        MailingFactory(),
        ["bounce-me@example.org", "fine@example.org"],
        django_capture_on_commit_callbacks,
    )
    bounced = Delivery.objects.get(address="bounce-me@example.org")
    assert bounced.state == Delivery.State.BOUNCED
    assert "550" in bounced.error
    assert "bounce-me@example.org" not in bounced.error
    assert is_suppressed("bounce-me@example.org")
    assert SuppressedAddress.objects.get().reason == SuppressedAddress.Reason.HARD_BOUNCE
    assert counting_smtp.received == {"fine@example.org": 1}


def test_a_refusal_for_now_is_tried_again_later(counting_smtp, django_capture_on_commit_callbacks):
    """A 4xx at RCPT puts the delivery back to wait, with an attempt counted."""
    mailing = MailingFactory()
    _send(mailing, ["later@example.org"], django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.WAITING
    assert delivery.attempts == 1
    assert delivery.retry_after > timezone.now()
    assert not is_suppressed("later@example.org")
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING


def test_a_refusal_for_now_too_often_gives_up(counting_smtp, settings):
    """After MAILING_MAX_ATTEMPTS temporary refusals the delivery fails."""
    settings.MAILING_MAX_ATTEMPTS = 2
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory(mailing=mailing, address="later@example.org", attempts=1)
    sending.batch_send(mailing_id=mailing.pk, budget=None)
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.FAILED
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_a_claim_whose_batch_died_is_taken_again(counting_smtp):
    """A delivery claimed by a batch whose lease ran out is sent by the next batch."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory(
        mailing=mailing,
        address="a@example.org",
        state=Delivery.State.CLAIMED,
        claim="dead",
        claimed_until=timezone.now() - timedelta(seconds=1),
    )
    sending.batch_send(mailing_id=mailing.pk, budget=None)
    assert counting_smtp.received == {"a@example.org": 1}


def test_a_claim_held_by_a_live_batch_is_left_alone(counting_smtp):
    """A delivery whose lease has not run out is not sent by another batch."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory(
        mailing=mailing,
        state=Delivery.State.CLAIMED,
        claim="alive",
        claimed_until=timezone.now() + timedelta(minutes=5),
    )
    sending.batch_send(mailing_id=mailing.pk, budget=None)
    assert counting_smtp.total == 0


def test_a_batch_that_lost_its_claim_drops_the_message(counting_smtp, monkeypatch):
    """If another batch took the delivery, the message is abandoned before its end."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory(mailing=mailing, address="a@example.org")
    real_mark_sent = sending._mark_sent

    def taken_meanwhile(delivery, token, message_id):
        Delivery.objects.filter(pk=delivery.pk).update(claim="someone-else")
        return real_mark_sent(delivery, token, message_id)

    monkeypatch.setattr(sending, "_mark_sent", taken_meanwhile)
    sending.batch_send(mailing_id=mailing.pk, budget=None)
    assert counting_smtp.total == 0


def test_a_budget_stops_the_batch_and_says_more_is_left(counting_smtp):
    """A batch with a budget sends that many and reports that more are waiting."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory.create_batch(5, mailing=mailing)
    result = sending.batch_send(mailing_id=mailing.pk, budget=3)
    assert (result.sent, result.more) == (3, True)
    assert counting_smtp.total == 3


def test_an_unreachable_server_leaves_everything_waiting(settings):
    """With no server listening, nothing is marked sent and nothing is counted against anyone."""
    from .smtp_servers import free_port

    settings.EMAIL_BACKEND = sending.SMTP_BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_TIMEOUT = 2
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory.create_batch(3, mailing=mailing)
    result = sending.batch_send(mailing_id=mailing.pk, budget=None)
    assert result.stopped
    assert set(Delivery.objects.values_list("state", "attempts")) == {(Delivery.State.WAITING, 0)}


def test_a_cancelled_mailing_sends_nothing(counting_smtp):
    """A batch of a mailing that is no longer sending does nothing."""
    mailing = MailingFactory(status=Mailing.Status.CANCELLED)
    DeliveryFactory(mailing=mailing)
    sending.batch_send(mailing_id=mailing.pk, budget=None)
    assert counting_smtp.total == 0


def test_the_delivery_header_cannot_be_forged():
    """A header with a bad signature names no delivery."""
    assert messages.delivery_from_header(messages.delivery_header(42)) == 42
    assert messages.delivery_from_header("42:forged") is None
    assert messages.delivery_from_header("nonsense") is None
