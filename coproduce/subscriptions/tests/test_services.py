import re

import pytest
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.mailing.models import Mailing
from coproduce.places.tests.factories import WardFactory
from coproduce.subscriptions import keys, selectors, services, tokens
from coproduce.subscriptions.models import (
    Channel,
    Frequency,
    Item,
    Subscriber,
    Subscription,
    Waiting,
)

from .factories import EmailSubscriberFactory, SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def _announce(**overrides):
    values = {
        "source": "test.thing:1",
        "thing": "events",
        "title": "Litter pick",
        "summary": "Bring gloves.",
        "url": "/gatherings/",
        "topics": [],
    }
    values.update(overrides)
    return services.item_announce(**values)


def test_account_with_confirmed_email_subscribes_at_once():
    """A signed-in person with a confirmed email is subscribed and matched straight away."""
    ward = WardFactory()
    user = UserFactory()
    services.subscription_add(user=user, topic=f"ward:{ward.pk}", things=[], frequency="daily")
    assert selectors.matching(topics=[f"ward:{ward.pk}"]).get().subscriber.user == user


def test_unconfirmed_account_email_is_refused():
    """An account whose email is not confirmed cannot subscribe by email."""
    user = UserFactory(email_verified_at=None)
    with pytest.raises(Refusal):
        services.subscription_add(user=user, topic=None, things=[], frequency="now")


def test_account_with_no_email_can_subscribe_by_post():
    """Someone with no email, signed up by an officer, can get letters."""
    officer = UserFactory()
    resident = UserFactory(email=None, email_verified_at=None)
    subscription = services.subscription_add(
        user=resident, topic=None, things=[], frequency="weekly", channel="post", by=officer
    )
    assert (subscription.channel, subscription.added_by) == (Channel.POST, officer)


def test_one_subscription_per_bucket():
    """Subscribing to the same bucket again changes the one subscription."""
    user = UserFactory()
    services.subscription_add(user=user, topic="theme:food", things=[], frequency="now")
    services.subscription_add(user=user, topic="theme:food", things=["events"], frequency="weekly")
    subscription = Subscription.objects.get()
    assert (subscription.frequency, subscription.thing_list) == (Frequency.WEEKLY, ["events"])


def test_unknown_bucket_is_refused():
    """A ward that does not exist is not a bucket."""
    with pytest.raises(Refusal):
        services.subscription_add(
            user=UserFactory(), topic="ward:999999", things=[], frequency="now"
        )


def test_request_sends_a_confirmation_and_matches_nothing_yet(
    smtp_server, django_capture_on_commit_callbacks
):
    """Asking by email sends a link by real SMTP; until it is used, nothing matches."""
    with django_capture_on_commit_callbacks(execute=True):
        services.subscription_request(
            email=" New@Example.NET ", topic=None, things=[], frequency="now"
        )
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "new@example.net"
    assert "/subscribe/confirm/" in message.get_body(("plain",)).get_content()
    assert not selectors.matching(topics=[]).exists()


def test_confirming_starts_the_subscription(django_capture_on_commit_callbacks):
    """The link in the confirmation email makes the subscription match."""
    with django_capture_on_commit_callbacks(execute=True):
        services.subscription_request(email="a@example.net", topic=None, things=[], frequency="now")
    token = re.search(r"/subscribe/confirm/([^/]+)/", mail.outbox[0].body).group(1)
    services.subscription_confirm(token=token)
    assert selectors.matching(topics=[]).get().subscriber.email == "a@example.net"


def test_expired_confirmation_is_refused(settings):
    """A confirmation link older than its days does not work."""
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory(), confirmed=False)
    token = tokens.confirm_make(
        subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk
    )
    from unittest import mock

    with (
        mock.patch("django.core.signing.time.time", return_value=10**11),
        pytest.raises(Refusal),
    ):
        services.subscription_confirm(token=token)


def test_request_for_an_account_address_attaches_to_the_account(django_capture_on_commit_callbacks):
    """Asking with an account's address adds an unconfirmed subscription to that account."""
    user = UserFactory(email="known@example.org")
    services.subscription_request(email="known@example.org", topic=None, things=[], frequency="now")
    subscription = Subscription.objects.get()
    assert subscription.subscriber.user == user and not subscription.confirmed


def test_announce_is_idempotent_per_source(django_capture_on_commit_callbacks):
    """Announcing the same source twice updates one item and delivers it once."""
    SubscriptionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _announce(title="First")
    with django_capture_on_commit_callbacks(execute=True):
        _announce(title="Second")
    assert Item.objects.get().title == "Second"
    assert Mailing.objects.filter(purpose="subscriptions-now").count() == 1


def test_straight_away_subscriber_gets_the_item_by_real_smtp(
    smtp_server, django_capture_on_commit_callbacks
):
    """A matching straight-away subscriber gets one email with one-click unsubscribe headers."""
    ward = WardFactory()
    SubscriptionFactory(
        subscriber=EmailSubscriberFactory(email="w@example.net"), topic=f"ward:{ward.pk}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _announce(topics=[f"ward:{ward.pk}"])
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "w@example.net"
    assert message["Subject"] == "Litter pick"
    assert "/subscribe/unsubscribe/" in message["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_other_buckets_and_things_are_not_matched():
    """A subscription to another ward, or only to news, does not match an event in this ward."""
    ward, other = WardFactory(), WardFactory()
    SubscriptionFactory(topic=f"ward:{other.pk}")
    SubscriptionFactory(topic=f"ward:{ward.pk}", things=keys.mask_of(["news"]))
    wanted = SubscriptionFactory(topic=f"ward:{ward.pk}", things=keys.mask_of(["events"]))
    assert list(selectors.matching(topics=[f"ward:{ward.pk}"], thing="events")) == [wanted]


def test_recipients_for_gives_each_address_once_and_skips_no_email():
    """One recipient per address, with its own unsubscribe link; accounts with no email skipped."""
    subscriber = EmailSubscriberFactory(email="x@example.net")
    SubscriptionFactory(subscriber=subscriber, topic="")
    SubscriptionFactory(subscriber=subscriber, topic="theme:food")
    SubscriptionFactory(subscriber=SubscriberFactory(user=UserFactory(email=None)))
    recipients = list(selectors.recipients_for(topics=["theme:food"]))
    assert [r.address for r in recipients] == ["x@example.net"]
    assert "/subscribe/unsubscribe/" in recipients[0].unsubscribe_url


def test_daily_items_wait_and_go_in_one_summary_once(
    smtp_server, django_capture_on_commit_callbacks
):
    """Two items make one daily summary per person; a second run sends nothing."""
    SubscriptionFactory(
        subscriber=EmailSubscriberFactory(email="d@example.net"), frequency=Frequency.DAILY
    )
    with django_capture_on_commit_callbacks(execute=True):
        _announce(source="a:1", title="One")
        _announce(source="a:2", title="Two")
    assert Waiting.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send(frequency="daily") == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send(frequency="daily") == 0
    [message] = smtp_server.wait_for(1)
    body = message.get_body(("plain",)).get_content()
    assert "One" in body and "Two" in body
    assert not Waiting.objects.exists()


def test_straight_away_wins_over_a_summary(django_capture_on_commit_callbacks):
    """Someone who gets an item straight away does not get it again in a summary."""
    subscriber = EmailSubscriberFactory()
    SubscriptionFactory(subscriber=subscriber, topic="", frequency=Frequency.DAILY)
    SubscriptionFactory(subscriber=subscriber, topic="theme:food", frequency=Frequency.NOW)
    with django_capture_on_commit_callbacks(execute=True):
        _announce(topics=["theme:food"])
    assert not Waiting.objects.exists()


def test_weekly_run_leaves_daily_items():
    """The weekly run takes only weekly rows."""
    subscriber = EmailSubscriberFactory()
    SubscriptionFactory(subscriber=subscriber, frequency=Frequency.DAILY)
    item = _announce()
    services.item_deliver(item_id=item.pk)
    assert services.digests_send(frequency="weekly") == 0
    assert Waiting.objects.filter(frequency=Frequency.DAILY).count() == 1


def test_claimed_rows_are_not_taken_by_another_run():
    """Rows claimed by a run in progress are left alone by a second run."""
    subscriber = EmailSubscriberFactory()
    SubscriptionFactory(subscriber=subscriber, frequency=Frequency.DAILY)
    services.item_deliver(item_id=_announce().pk)
    Waiting.objects.update(claim="another-run")
    assert services.digests_send(frequency="daily") == 0
    assert Waiting.objects.count() == 1


def test_letter_run_claims_then_marks_printed_once():
    """Preparing claims waiting postal items; marking printed clears them; twice is refused."""
    officer = UserFactory()
    from django.contrib.auth.models import Permission

    officer.user_permissions.add(Permission.objects.get(codename="run_letters"))
    officer = type(officer).objects.get(pk=officer.pk)
    resident = UserFactory(email=None)
    services.subscription_add(
        user=resident, topic=None, things=[], frequency="weekly", channel="post"
    )
    services.item_deliver(item_id=_announce().pk)
    run = services.letter_run_prepare(by=officer)
    assert run.letters == 1
    services.item_deliver(item_id=_announce(source="later:1").pk)
    services.letter_run_mark_printed(run=run, by=officer)
    assert Waiting.objects.get().item.source == "later:1"  # not lost, not in the printed run
    with pytest.raises(Refusal):
        services.letter_run_mark_printed(run=run, by=officer)


def test_letters_need_the_permission():
    """Someone without the permission cannot make letters."""
    with pytest.raises(Refusal):
        services.letter_run_prepare(by=UserFactory())


def test_unsubscribe_token_stops_one_or_all():
    """A one-subscription link stops that one; an "all" link stops the rest."""
    subscriber = EmailSubscriberFactory()
    first = SubscriptionFactory(subscriber=subscriber, topic="")
    SubscriptionFactory(subscriber=subscriber, topic="theme:food")
    one = tokens.unsubscribe_make(subscriber_id=subscriber.pk, subscription_id=first.pk)
    assert services.unsubscribe_by_token(token=one) == 1
    everything = tokens.unsubscribe_make(subscriber_id=subscriber.pk, subscription_id=None)
    assert services.unsubscribe_by_token(token=everything) == 1
    assert not Subscription.objects.exists()
    assert Subscriber.objects.exists()
