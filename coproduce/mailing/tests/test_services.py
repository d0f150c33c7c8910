import pytest
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.mailing.models import Delivery, Mailing
from coproduce.mailing.services import (
    mailing_cancel,
    mailing_create,
    mailing_recipients_add,
    mailing_send_test,
    mailing_start,
)
from coproduce.mailing.types import Recipient

from .factories import DeliveryFactory, MailingFactory, SuppressedAddressFactory

pytestmark = pytest.mark.django_db

CONTEXT = {"subject": "Park news", "body": "The park opens on Saturday."}


def _mailing(**kwargs) -> Mailing:
    return mailing_create(
        purpose="news", template_base="mailing/email/message", context=CONTEXT, **kwargs
    )


def test_create_makes_a_draft():
    """A new mailing is a draft with what it was given."""
    mailing = _mailing(label="Spring news")
    assert mailing.status == Mailing.Status.DRAFT
    assert (mailing.label, mailing.purpose) == ("Spring news", "news")


def test_recipients_are_added_with_addresses_normalised():
    """Addresses are stored trimmed and in lower case."""
    mailing = _mailing()
    added = mailing_recipients_add(mailing=mailing, recipients=[Recipient(" Ann@Example.ORG ")])
    assert added == 1
    assert Delivery.objects.get().address == "ann@example.org"


def test_duplicate_addresses_are_added_once():
    """The same address twice, in one call or two, is one delivery."""
    mailing = _mailing()
    first = mailing_recipients_add(
        mailing=mailing, recipients=[Recipient("a@example.org"), Recipient("A@example.org")]
    )
    second = mailing_recipients_add(mailing=mailing, recipients=[Recipient("a@example.org")])
    assert (first, second) == (1, 0)
    assert Delivery.objects.count() == 1


def test_suppressed_addresses_are_recorded_as_not_sent():
    """An address that bounced or complained is kept as skipped, and not counted as added."""
    SuppressedAddressFactory(address="gone@example.org")
    mailing = _mailing()
    added = mailing_recipients_add(
        mailing=mailing, recipients=[Recipient("gone@example.org"), Recipient("b@example.org")]
    )
    assert added == 1
    assert Delivery.objects.get(address="gone@example.org").state == Delivery.State.SKIPPED


def test_things_that_are_not_addresses_are_left_out():
    """No address, or one that would break a header, is not added."""
    mailing = _mailing()
    added = mailing_recipients_add(
        mailing=mailing,
        recipients=[Recipient(""), Recipient("no-at-sign"), Recipient("a@b.org\r\nBcc: x@y.org")],
    )
    assert added == 0


def test_recipients_keep_their_account_context_and_unsubscribe_link():
    """The account, the person's own context and their unsubscribe link are kept."""
    user = UserFactory()
    mailing = _mailing()
    mailing_recipients_add(
        mailing=mailing,
        recipients=[
            Recipient(
                user.email,
                user_id=user.pk,
                context={"body": "Hello"},
                unsubscribe_url="https://x.test/u/1",
            )
        ],
    )
    delivery = Delivery.objects.get()
    assert (delivery.user, delivery.context, delivery.unsubscribe_url) == (
        user,
        {"body": "Hello"},
        "https://x.test/u/1",
    )


def test_recipients_are_read_as_a_stream():
    """A generator of many recipients is read through, in chunks."""
    mailing = _mailing()
    added = mailing_recipients_add(
        mailing=mailing, recipients=(Recipient(f"p{n}@example.org") for n in range(4500))
    )
    assert added == 4500


def test_no_recipients_once_started():
    """People cannot be added once sending has started."""
    mailing = _mailing()
    mailing_start(mailing=mailing)
    with pytest.raises(Refusal):
        mailing_recipients_add(mailing=mailing, recipients=[Recipient("a@example.org")])


def test_start_sends_to_everyone_once(django_capture_on_commit_callbacks):
    """Starting sends one email to each recipient and marks the mailing sent."""
    mailing = _mailing()
    mailing_recipients_add(
        mailing=mailing, recipients=[Recipient(f"p{n}@example.org") for n in range(5)]
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    assert sorted(m.to[0] for m in mail.outbox) == [f"p{n}@example.org" for n in range(5)]
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 5
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    assert mailing.finished_at is not None


def test_each_email_is_rendered_with_its_own_context(django_capture_on_commit_callbacks):
    """The person's context is merged over the mailing's, with their unsubscribe link."""
    mailing = _mailing()
    mailing_recipients_add(
        mailing=mailing,
        recipients=[
            Recipient(
                "a@example.org", context={"body": "Hello Ann"}, unsubscribe_url="https://x.test/u/a"
            )
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    message = mail.outbox[0]
    assert message.subject == "Park news"
    assert "Hello Ann" in message.body
    assert "https://x.test/u/a" in message.body
    assert message.extra_headers["List-Unsubscribe"] == "<https://x.test/u/a>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_each_email_names_its_delivery(django_capture_on_commit_callbacks):
    """Every message carries a Message-ID and a signed header naming its delivery."""
    from coproduce.mailing.messages import delivery_from_header

    mailing = _mailing()
    mailing_recipients_add(mailing=mailing, recipients=[Recipient("a@example.org")])
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    delivery = Delivery.objects.get()
    headers = mail.outbox[0].extra_headers
    assert headers["Message-ID"] == delivery.message_id
    assert delivery_from_header(headers["X-Coproduce-Delivery"]) == delivery.pk


def test_an_address_suppressed_after_adding_is_not_sent(django_capture_on_commit_callbacks):
    """Suppression is checked again when sending."""
    mailing = _mailing()
    mailing_recipients_add(mailing=mailing, recipients=[Recipient("a@example.org")])
    SuppressedAddressFactory(address="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    assert mail.outbox == []
    assert Delivery.objects.get().state == Delivery.State.SKIPPED


def test_a_mailing_starts_once():
    """Starting twice is refused."""
    mailing = _mailing()
    mailing_start(mailing=mailing)
    with pytest.raises(Refusal):
        mailing_start(mailing=mailing)


def test_a_later_mailing_waits_for_its_time(django_capture_on_commit_callbacks):
    """With send_after in the future, nothing goes until it is due."""
    from datetime import timedelta

    from django.utils import timezone

    mailing = _mailing(send_after=timezone.now() + timedelta(hours=1))
    mailing_recipients_add(mailing=mailing, recipients=[Recipient("a@example.org")])
    with django_capture_on_commit_callbacks(execute=True):
        mailing_start(mailing=mailing)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SCHEDULED
    assert mail.outbox == []


def test_cancel_stops_what_is_not_sent():
    """Cancelling marks every unsent delivery as not sent."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    DeliveryFactory.create_batch(3, mailing=mailing)
    DeliveryFactory(mailing=mailing, state=Delivery.State.SENT)
    mailing_cancel(mailing=mailing, by=UserFactory())
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.CANCELLED
    assert Delivery.objects.filter(state=Delivery.State.SKIPPED).count() == 3
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 1


def test_a_sent_mailing_cannot_be_cancelled():
    """There is nothing left to stop once it has finished."""
    mailing = MailingFactory(status=Mailing.Status.SENT)
    with pytest.raises(Refusal):
        mailing_cancel(mailing=mailing, by=UserFactory())


def test_a_test_send_is_one_email_marked_as_a_test(django_capture_on_commit_callbacks):
    """A test copy goes at once to the one address, marked as a test, and is not recorded."""
    with django_capture_on_commit_callbacks(execute=True):
        mailing_send_test(
            template_base="mailing/email/message",
            context=CONTEXT,
            recipient=Recipient("officer@example.org"),
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[TEST] Park news"
    assert mail.outbox[0].extra_headers["X-Coproduce-Test"] == "yes"
    assert Delivery.objects.count() == 0


def test_a_test_send_to_a_suppressed_address_is_refused():
    """A test copy is not sent to an address that bounced."""
    SuppressedAddressFactory(address="gone@example.org")
    with pytest.raises(Refusal):
        mailing_send_test(
            template_base="mailing/email/message",
            context=CONTEXT,
            recipient=Recipient("gone@example.org"),
        )
