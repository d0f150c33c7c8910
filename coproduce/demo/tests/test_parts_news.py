import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import news as demo
from coproduce.demo.tests.factories import TINY
from coproduce.mailing.models import Delivery, Mailing
from coproduce.news.models import NewsPost
from coproduce.subscriptions.models import Item

pytestmark = pytest.mark.django_db


def test_demo_makes_a_year_of_news_with_mailings_marked_sent_and_clears_them():
    """About two posts a month, some for wards, some emailed (mailings sent, no deliveries),
    a draft and a scheduled post, each published post in its buckets; clear removes them."""
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"news"}))
    demo.build(ctx)
    published = NewsPost.objects.filter(status=NewsPost.Status.PUBLISHED)
    assert published.count() == 24
    assert published.filter(wards__isnull=False).exists()
    assert set(NewsPost.objects.values_list("status", flat=True)) == {
        "published",
        "draft",
        "scheduled",
    }
    emailed = published.filter(send_email=True)
    assert emailed.exists()
    assert all(post.mailing.status == Mailing.Status.SENT for post in emailed)
    assert not Delivery.objects.exists()
    assert Item.objects.filter(thing="news").count() == 24
    demo.clear()
    assert not NewsPost.objects.exists()
    assert not Mailing.objects.filter(purpose="news").exists()
    assert not Item.objects.filter(thing="news").exists()
