import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.subscriptions import tokens
from coproduce.subscriptions.models import LetterRun, Subscription

from .factories import EmailSubscriberFactory, ItemFactory, SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_start_page_is_open_to_anyone(client):
    """Anyone can open the subscribe page."""
    assert client.get(reverse("subscriptions:start")).status_code == 200


def test_topic_in_the_address_is_chosen(client):
    """/subscribe/?topic=ward:N has that ward chosen."""
    ward = WardFactory()
    response = client.get(reverse("subscriptions:start"), {"topic": f"ward:{ward.pk}"})
    assert f'value="ward:{ward.pk}" selected' in response.content.decode()


def test_visitor_gets_the_same_answer_for_known_and_new_addresses(client):
    """Known or not, the address gets the same 'check your email' page."""
    UserFactory(email="known@example.org")
    answers = [
        client.post(
            reverse("subscriptions:start"),
            {"topic": "borough", "frequency": "weekly", "email": email},
        )
        for email in ["known@example.org", "new@example.org"]
    ]
    assert [a.url for a in answers] == [reverse("subscriptions:check_email")] * 2


def test_bad_email_is_a_form_error(client):
    """A malformed address is a 400 with the error summary, not a crash."""
    response = client.post(
        reverse("subscriptions:start"), {"topic": "borough", "frequency": "weekly", "email": "x"}
    )
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()


def test_signed_in_person_subscribes_at_once(client):
    """A signed-in person is subscribed without a confirmation email."""
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("subscriptions:start"), {"topic": "theme:food", "frequency": "now"})
    assert Subscription.objects.get().subscriber.user == user


def test_confirm_page_never_confirms_on_get(client):
    """Opening the link only shows a button; pressing it confirms."""
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory(), confirmed=False)
    token = tokens.confirm_make(
        subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk
    )
    url = reverse("subscriptions:confirm", args=[token])
    assert client.get(url).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.confirmed
    client.post(url)
    subscription.refresh_from_db()
    assert subscription.confirmed


def test_one_click_unsubscribe_works_with_a_bare_post():
    """A mail program's POST, with no session or CSRF token, unsubscribes; GET does not."""
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory())
    token = tokens.unsubscribe_make(
        subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk
    )
    client = Client(enforce_csrf_checks=True)
    url = reverse("subscriptions:unsubscribe", args=[token])
    assert client.get(url).status_code == 200
    assert Subscription.objects.exists()
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscription.objects.exists()


def test_bad_unsubscribe_link_is_a_400(client):
    """A made-up token is a plain 400 page."""
    assert client.get(reverse("subscriptions:unsubscribe", args=["nothing"])).status_code == 400


def test_your_subscriptions_needs_signing_in(client):
    """Visitors are sent to sign in."""
    assert client.get(reverse("subscriptions:yours")).status_code == 302


def test_your_subscriptions_page_queries_do_not_grow(client, django_assert_max_num_queries):
    """The page takes a fixed number of queries however many subscriptions there are."""
    subscriber = SubscriberFactory()
    wards = [WardFactory() for _ in range(5)]
    for ward in wards:
        SubscriptionFactory(subscriber=subscriber, topic=f"ward:{ward.pk}")
    client.force_login(subscriber.user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("subscriptions:yours"))
    assert response.status_code == 200 and wards[0].name in response.content.decode()


def test_manage_link_lets_an_address_stop_a_subscription(client):
    """Someone with no account stops a subscription from their manage link."""
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory())
    token = tokens.manage_make(subscriber_id=subscription.subscriber_id)
    assert client.get(reverse("subscriptions:manage", args=[token])).status_code == 200
    client.post(reverse("subscriptions:stop", args=[subscription.pk]), {"manage": token})
    assert not Subscription.objects.exists()


def test_someone_elses_subscription_cannot_be_stopped(client):
    """Another person's subscription is not found."""
    subscription = SubscriptionFactory()
    client.force_login(SubscriberFactory().user)
    response = client.post(reverse("subscriptions:stop", args=[subscription.pk]))
    assert response.status_code == 404 and Subscription.objects.exists()


def test_bucket_page_links_its_feeds(client):
    """The bucket page has Atom and iCal alternate links."""
    ward = WardFactory()
    content = client.get(reverse("subscriptions:bucket", args=[f"ward:{ward.pk}"])).content
    assert b'rel="alternate" type="application/atom+xml"' in content
    assert b'rel="alternate" type="text/calendar"' in content


def test_unknown_bucket_is_not_found(client):
    """A made-up bucket is a 404."""
    assert client.get(reverse("subscriptions:bucket", args=["nothing"])).status_code == 404


def test_atom_feed_is_valid_atom(client):
    """The feed parses and has the required Atom elements, for the feed and each entry."""
    item = ItemFactory(topics=["theme:food"])
    item.topic_rows.create(topic="theme:food")
    response = client.get(reverse("subscriptions:atom", args=["theme:food"]))
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for tag in ["id", "title", "updated", "author", "link"]:
        assert root.find(f"{ATOM}{tag}") is not None, tag
    [entry] = root.findall(f"{ATOM}entry")
    for tag in ["id", "title", "updated", "link"]:
        assert entry.find(f"{ATOM}{tag}") is not None, tag


def test_ical_feed_holds_the_buckets_events(client):
    """The iCal feed lists the bucket's events."""
    from django.utils import timezone

    ItemFactory(title="Street party", starts_at=timezone.now(), ends_at=timezone.now())
    body = client.get(reverse("subscriptions:ical", args=["borough"])).content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and "SUMMARY:Street party" in body


def test_letters_are_for_officers_only(client):
    """A resident cannot see the letter run; an officer with the permission can."""
    client.force_login(UserFactory())
    assert client.get(reverse("subscriptions:letters")).status_code == 403
    officer = UserFactory()
    officer.user_permissions.add(Permission.objects.get(codename="run_letters"))
    client.force_login(officer)
    assert client.get(reverse("subscriptions:letters")).status_code == 200


def test_letter_page_prints_the_recorded_address(client):
    """Each letter shows the address a registered source gives."""
    from coproduce.subscriptions import postal, services

    officer = UserFactory()
    officer.user_permissions.add(Permission.objects.get(codename="run_letters"))
    resident = UserFactory(email=None)
    services.subscription_add(
        user=resident, topic=None, things=[], frequency="weekly", channel="post"
    )
    item = ItemFactory(delivered=False)
    services.item_deliver(item_id=item.pk)
    run = services.letter_run_prepare(by=type(officer).objects.get(pk=officer.pk))

    def source(user):
        return "1 High Street\nNorthbrook" if user == resident else ""

    postal.register_address_source(source)
    try:
        client.force_login(officer)
        content = client.get(reverse("subscriptions:letter_run", args=[run.pk])).content.decode()
    finally:
        postal.unregister_address_source(source)
    assert "1 High Street" in content and item.title in content
    assert LetterRun.objects.get().printed_at is None
