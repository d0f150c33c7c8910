import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from coproduce.mailing.models import Mailing
from coproduce.news import services
from coproduce.news.models import NewsPost
from coproduce.subscriptions.models import Item

from .factories import NewsPostFactory


@pytest.mark.django_db
def test_a_scheduler_overtaken_by_another_publishes_nothing_twice(monkeypatch):
    """A second run that starts between the first's listing and publishing: each post once."""
    now = timezone.now()
    posts = NewsPostFactory.create_batch(
        2, status="scheduled", publish_at=now - timedelta(minutes=1), send_email=True
    )
    publish = services._publish
    overtaken: list[int] = []
    running = []

    def overtake_once(post_id, **kwargs):
        if not running:
            running.append(True)
            overtaken.append(services.posts_publish_due(now=now))  # the other scheduler
        return publish(post_id, **kwargs)

    monkeypatch.setattr(services, "_publish", overtake_once)
    first_run = services.posts_publish_due(now=now)
    assert (overtaken, first_run) == ([2], 0)
    assert Item.objects.count() == len(posts)
    assert Mailing.objects.filter(purpose="news").count() == len(posts)


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_publish_each_post_once():
    """Two runs of news_publish_due at the same moment: one item and one mailing per post.

    Needs a database where one writer waits for the other: PostgreSQL
    (script/with-postgres). The tests' in-memory SQLite answers "table is locked" at once."""
    now = timezone.now()
    posts = NewsPostFactory.create_batch(
        3, status="scheduled", publish_at=now - timedelta(minutes=1), send_email=True
    )
    start = threading.Barrier(2)
    published: list[int | str] = []

    def run():
        try:
            start.wait()
            published.append(services.posts_publish_due(now=now))
        except Exception as error:  # a lock timeout would show here
            published.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(n, int) for n in published), published
    assert sum(published) == 3
    assert set(NewsPost.objects.values_list("status", flat=True)) == {"published"}
    assert Item.objects.count() == len(posts)
    assert Mailing.objects.filter(purpose="news").count() == len(posts)
