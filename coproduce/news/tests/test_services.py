from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.mailing.models import Delivery, Mailing
from coproduce.news import services
from coproduce.news.models import NewsPost
from coproduce.places.tests.factories import WardFactory
from coproduce.subscriptions.models import Item
from coproduce.subscriptions.tests.factories import EmailSubscriberFactory, SubscriptionFactory

from .factories import NewsPostFactory, PublishedPostFactory, news_writer

pytestmark = pytest.mark.django_db

WRITING = {"title": "New bus stop", "summary": "A new stop opens.", "body": "It opens soon."}


def test_an_officer_who_writes_news_starts_a_draft():
    """post_create makes a draft with a web address from its title."""
    post = services.post_create(by=news_writer(), **WRITING)
    assert post.status == NewsPost.Status.DRAFT
    assert post.slug == "new-bus-stop"


def test_a_resident_cannot_write_news():
    """Without the permission, post_create refuses and writes nothing."""
    with pytest.raises(NotAllowed):
        services.post_create(by=UserFactory(), **WRITING)
    assert not NewsPost.objects.exists()


def test_two_posts_with_one_title_get_different_addresses():
    """A second post with the same title gets a web address of its own."""
    writer = news_writer()
    first = services.post_create(by=writer, **WRITING)
    second = services.post_create(by=writer, **WRITING)
    assert first.slug != second.slug


def test_a_title_that_is_a_page_name_gets_another_address():
    """A post called "Drafts" cannot take the address of the drafts page."""
    post = services.post_create(by=news_writer(), **{**WRITING, "title": "Drafts"})
    assert post.slug != "drafts"


def test_news_for_chosen_people_needs_someone_chosen():
    """Choosing "only some people" with no ward, group or topic is refused."""
    with pytest.raises(Refusal) as refusal:
        services.post_create(by=news_writer(), audience_kind="chosen", **WRITING)
    assert refusal.value.field == "audience"


def test_a_made_up_topic_is_refused():
    """A topic key that is not a bucket is refused."""
    with pytest.raises(Refusal):
        services.post_create(
            by=news_writer(), audience_kind="chosen", topics=["nonsense"], **WRITING
        )


def test_a_published_post_cannot_be_changed():
    """post_update refuses once the post is published."""
    post = PublishedPostFactory()
    with pytest.raises(Refusal):
        services.post_update(post=post, by=news_writer(), **WRITING)


def test_changing_a_draft_keeps_its_address():
    """A new title does not change the web address."""
    writer = news_writer()
    post = services.post_create(by=writer, **WRITING)
    services.post_update(post=post, by=writer, **{**WRITING, "title": "Another title"})
    post.refresh_from_db()
    assert (post.title, post.slug) == ("Another title", "new-bus-stop")


def test_scheduling_needs_a_time_to_come():
    """A time in the past is refused."""
    post = NewsPostFactory()
    with pytest.raises(Refusal):
        services.post_schedule(
            post=post, by=news_writer(), publish_at=timezone.now() - timedelta(minutes=1)
        )


def test_unscheduling_makes_a_draft_again():
    """A scheduled post taken back is a draft with no time."""
    writer = news_writer()
    post = services.post_schedule(
        post=NewsPostFactory(), by=writer, publish_at=timezone.now() + timedelta(days=1)
    )
    post = services.post_unschedule(post=post, by=writer)
    assert (post.status, post.publish_at) == (NewsPost.Status.DRAFT, None)


def test_publishing_puts_the_post_in_its_buckets(django_capture_on_commit_callbacks):
    """A published post is an item of its wards, delivered when it is not emailed."""
    ward = WardFactory()
    writer = news_writer()
    post = services.post_create(by=writer, audience_kind="chosen", wards=[ward], **WRITING)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_publish(post=post, by=writer)
    item = Item.objects.get(source=f"news.post:{post.pk}")
    assert item.thing == "news"
    assert item.topics == [f"ward:{ward.pk}"]
    post.refresh_from_db()
    assert post.status == NewsPost.Status.PUBLISHED and post.mailing is None


def test_an_emailed_post_is_listed_in_its_buckets_but_not_delivered_by_them(
    django_capture_on_commit_callbacks,
):
    """A subscriber who wants news straight away gets the newsletter, not a second email."""
    writer = news_writer()
    subscription = SubscriptionFactory(subscriber=EmailSubscriberFactory())
    post = services.post_create(by=writer, send_email=True, **WRITING)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_publish(post=post, by=writer)
    assert Item.objects.filter(source=f"news.post:{post.pk}").exists()
    address = subscription.subscriber.email
    assert Delivery.objects.filter(address=address).count() == 1
    assert Mailing.objects.count() == 1


def test_publishing_with_email_fills_and_starts_a_mailing(django_capture_on_commit_callbacks):
    """The mailing holds everyone with an email address and is sending."""
    writer = news_writer()
    residents = UserFactory.create_batch(3)
    post = services.post_create(by=writer, send_email=True, **WRITING)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_publish(post=post, by=writer)
    post.refresh_from_db()
    assert post.mailing.purpose == "news"
    assert post.mailing.status != Mailing.Status.DRAFT
    addresses = set(post.mailing.deliveries.values_list("address", flat=True))
    assert {person.email for person in residents} <= addresses


def test_publishing_twice_publishes_once(django_capture_on_commit_callbacks):
    """The second press is refused, and there is one mailing."""
    writer = news_writer()
    post = services.post_create(by=writer, send_email=True, **WRITING)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_publish(post=post, by=writer)
    with pytest.raises(Refusal):
        services.post_publish(post=post, by=writer)
    assert Mailing.objects.count() == 1


def test_filling_a_mailing_twice_adds_nobody_twice(django_capture_on_commit_callbacks):
    """A second run of the filling task finds the mailing sending and does nothing."""
    writer = news_writer()
    UserFactory.create_batch(2)
    post = services.post_create(by=writer, send_email=True, **WRITING)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_publish(post=post, by=writer)
    deliveries = Delivery.objects.count()
    assert services.post_mailing_fill(post_id=post.pk) == 0
    assert Delivery.objects.count() == deliveries


def test_due_posts_are_published_and_others_wait():
    """Only scheduled posts whose time has come are published."""
    now = timezone.now()
    due = NewsPostFactory(status="scheduled", publish_at=now - timedelta(minutes=1))
    later = NewsPostFactory(status="scheduled", publish_at=now + timedelta(hours=1))
    draft = NewsPostFactory()
    assert services.posts_publish_due(now=now) == 1
    statuses = dict(NewsPost.objects.values_list("pk", "status"))
    assert statuses == {due.pk: "published", later.pk: "scheduled", draft.pk: "draft"}


def test_publishing_due_posts_twice_publishes_each_once():
    """A second run at the same time publishes nothing more."""
    now = timezone.now()
    NewsPostFactory(status="scheduled", publish_at=now - timedelta(minutes=1))
    assert services.posts_publish_due(now=now) == 1
    assert services.posts_publish_due(now=now) == 0
    assert Item.objects.count() == 1


def test_a_stuck_mailing_is_filled_by_the_next_run():
    """A published post whose mailing is still a draft after a while gets it filled."""
    writer = news_writer()
    resident = UserFactory()
    post = services.post_create(by=writer, send_email=True, **WRITING)
    services.post_publish(post=post, by=writer)  # the filling task never runs (no commit)
    post.refresh_from_db()
    assert post.mailing.status == Mailing.Status.DRAFT
    services.post_mailings_resume(now=timezone.now() + services.FILL_GRACE)
    post.mailing.refresh_from_db()
    assert post.mailing.status != Mailing.Status.DRAFT
    assert post.mailing.deliveries.filter(address=resident.email).exists()


def test_withdrawing_stops_emails_not_yet_sent():
    """Withdrawing cancels the mailing and marks the bucket item withdrawn."""
    writer = news_writer()
    post = services.post_create(by=writer, send_email=True, **WRITING)
    services.post_publish(post=post, by=writer)
    post = services.post_withdraw(post=post, by=writer)
    assert post.status == NewsPost.Status.WITHDRAWN
    post.mailing.refresh_from_db()
    assert post.mailing.status == Mailing.Status.CANCELLED
    assert Item.objects.get(source=f"news.post:{post.pk}").title.startswith("Withdrawn")


def test_only_published_news_can_be_withdrawn():
    """A draft cannot be withdrawn."""
    with pytest.raises(Refusal):
        services.post_withdraw(post=NewsPostFactory(), by=news_writer())


def test_a_test_send_goes_to_the_officer_only(mailoutbox, django_capture_on_commit_callbacks):
    """One copy, to the officer's own address, marked as a test."""
    writer = news_writer()
    UserFactory()
    post = NewsPostFactory(title="Swimming pool news")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_send_test(post=post, by=writer)
    assert [message.to for message in mailoutbox] == [[writer.email]]
    assert "Swimming pool news" in mailoutbox[0].subject


def test_a_test_send_needs_an_email_address():
    """An officer with no email address is told so."""
    writer = news_writer(email=None)
    with pytest.raises(Refusal):
        services.post_send_test(post=NewsPostFactory(), by=writer)
