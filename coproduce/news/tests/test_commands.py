from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduce.news.models import NewsPost
from coproduce.news.tasks import publish_due_news

from .factories import NewsPostFactory

pytestmark = pytest.mark.django_db


def test_the_command_publishes_due_news_and_says_how_many():
    """news_publish_due publishes what is due and reports it."""
    NewsPostFactory(status="scheduled", publish_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()
    call_command("news_publish_due", stdout=out)
    assert "Published 1 news posts" in out.getvalue()
    assert NewsPost.objects.get().status == NewsPost.Status.PUBLISHED


def test_the_task_publishes_due_news():
    """The queueable task does the same as the command."""
    NewsPostFactory(status="scheduled", publish_at=timezone.now() - timedelta(minutes=1))
    assert publish_due_news.call() == 1
