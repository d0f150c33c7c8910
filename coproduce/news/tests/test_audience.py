from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.tests.factories import MembershipFactory, OrganisationFactory
from coproduce.mailing.models import Delivery
from coproduce.mailing.services import mailing_create, mailing_recipients_add
from coproduce.news import audience
from coproduce.news.models import NewsPost
from coproduce.notifications import tokens
from coproduce.notifications.kinds import Frequency
from coproduce.notifications.services import notification_preference_set
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.subscriptions import keys
from coproduce.subscriptions.tests.factories import (
    EmailSubscriberFactory,
    SubscriberFactory,
    SubscriptionFactory,
)

from .factories import NewsPostFactory

pytestmark = pytest.mark.django_db


def _addresses(post) -> list[str]:
    return [recipient.address for recipient in audience.recipients(post)]


def _for_wards(*wards, groups=(), topics=()) -> NewsPost:
    post = NewsPostFactory(audience=NewsPost.Audience.CHOSEN, topics=list(topics))
    post.wards.set(wards)
    post.groups.set(groups)
    return post


def test_everyone_means_every_account_with_an_email_address():
    """Accounts with an address are in; those with none, closed or inactive are not."""
    reached = UserFactory()
    UserFactory(email=None)
    UserFactory(email="closed-12@closed.invalid")
    UserFactory(is_active=False)
    post = NewsPostFactory()
    assert reached.email in _addresses(post)
    assert len(_addresses(post)) == 2  # the reached resident and the post's author


def test_people_who_turned_council_news_off_are_left_out():
    """An account whose "News from the council" is "never" gets no news by email."""
    quiet = UserFactory()
    notification_preference_set(user=quiet, kind="general", frequency=Frequency.NEVER)
    assert quiet.email not in _addresses(NewsPostFactory())


def test_everyone_includes_subscribers_who_want_news():
    """Subscribers of any bucket who want news are in; those who do not want it are not."""
    ward = WardFactory()
    wants = SubscriptionFactory(subscriber=EmailSubscriberFactory(), topic=f"ward:{ward.pk}")
    others = SubscriptionFactory(
        subscriber=EmailSubscriberFactory(), things=keys.mask_of(["events"])
    )
    addresses = _addresses(NewsPostFactory())
    assert wants.subscriber.email in addresses
    assert others.subscriber.email not in addresses


def test_an_unconfirmed_subscriber_gets_nothing():
    """Only confirmed subscriptions count."""
    pending = SubscriptionFactory(subscriber=EmailSubscriberFactory(), confirmed=False)
    assert pending.subscriber.email not in _addresses(NewsPostFactory())


def test_a_ward_means_people_who_live_there_and_its_subscribers():
    """Profiles in the ward and subscribers of the ward's bucket; not other wards."""
    ward, other = WardFactory(), WardFactory()
    lives_there = ProfileFactory(ward=ward).user
    lives_elsewhere = ProfileFactory(ward=other).user
    follows = SubscriptionFactory(subscriber=EmailSubscriberFactory(), topic=f"ward:{ward.pk}")
    addresses = _addresses(_for_wards(ward))
    assert lives_there.email in addresses
    assert follows.subscriber.email in addresses
    assert lives_elsewhere.email not in addresses


def test_a_group_means_its_members():
    """Members of a chosen group are in; members of other groups are not."""
    group, other = OrganisationFactory(), OrganisationFactory()
    member = MembershipFactory(organisation=group).user
    outsider = MembershipFactory(organisation=other).user
    addresses = _addresses(_for_wards(groups=[group]))
    assert member.email in addresses and outsider.email not in addresses


def test_a_member_who_turned_council_news_off_is_left_out_of_group_news():
    """The council-news choice holds for news to groups and wards too."""
    group = OrganisationFactory()
    member = MembershipFactory(organisation=group).user
    notification_preference_set(user=member, kind="general", frequency=Frequency.NEVER)
    assert member.email not in _addresses(_for_wards(groups=[group]))


def test_someone_in_two_chosen_groups_and_the_ward_comes_once():
    """An account reached three ways is one recipient."""
    ward = WardFactory()
    first, second = OrganisationFactory(), OrganisationFactory()
    person = ProfileFactory(ward=ward).user
    MembershipFactory(organisation=first, user=person)
    MembershipFactory(organisation=second, user=person)
    assert _addresses(_for_wards(ward, groups=[first, second])).count(person.email) == 1


def test_an_account_that_also_subscribes_gets_one_email():
    """An account and its own subscription are one delivery in the mailing."""
    person = UserFactory()
    SubscriptionFactory(subscriber=SubscriberFactory(user=person))
    post = NewsPostFactory()
    mailing = mailing_create(purpose="news", template_base="news/email/post", context={})
    mailing_recipients_add(mailing=mailing, recipients=audience.recipients(post))
    assert Delivery.objects.filter(mailing=mailing, address=person.email).count() == 1


def test_an_account_gets_the_council_news_unsubscribe_link():
    """The link of an account stops "News from the council" for that account."""
    person = UserFactory()
    recipient = next(r for r in audience.recipients(NewsPostFactory()) if r.user_id == person.pk)
    match = resolve(urlsplit(recipient.unsubscribe_url).path)
    assert match.view_name == "notifications:unsubscribe"
    read = tokens.read(match.kwargs["token"])
    assert read == tokens.Unsubscribe(user_id=person.pk, kind="general")


def test_a_subscriber_gets_their_subscription_link():
    """A subscriber's link is the subscriptions app's own one-click link."""
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory())
    recipient = next(
        r
        for r in audience.recipients(NewsPostFactory())
        if r.address == subscription.subscriber.email
    )
    assert "/subscribe/" in recipient.unsubscribe_url


def test_news_for_a_ward_goes_into_the_wards_bucket():
    """topics_of names the wards, groups and topics of the post; none for everyone."""
    ward = WardFactory()
    group = OrganisationFactory()
    post = _for_wards(ward, groups=[group], topics=["theme:food"])
    assert audience.topics_of(post) == [f"ward:{ward.pk}", f"group:{group.pk}", "theme:food"]
    assert audience.topics_of(NewsPostFactory()) == []
