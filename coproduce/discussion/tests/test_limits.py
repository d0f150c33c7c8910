"""Limits on comments and reports, which tell owners and moderators (RATE_LIMITS)."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.models import Comment, Report
from coproduce.notifications.models import Notification
from coproduce.projects.tests.factories import owned_project

from .factories import CommentFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "You have done this too many times"


def test_comments_past_the_limit_get_the_429_page(
    client, settings, django_capture_on_commit_callbacks
):
    """The comment past the hour's limit is a 429 page: not saved, nobody told."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "2/h"}
    project = owned_project()
    client.force_login(UserFactory())
    url = reverse("discussion:comment", args=[project.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            assert client.post(url, {"body": f"Comment {n}"}).status_code == 302
    told, sent = Notification.objects.count(), len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "One too many"})
    assert response.status_code == 429
    assert TOO_MANY in response.text
    assert Comment.objects.count() == 2
    assert (Notification.objects.count(), len(mail.outbox)) == (told, sent)


def test_a_comment_with_errors_is_not_counted(client, settings):
    """Only comments that would be posted count: an empty one is a form error, not a try."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "1/h"}
    project = owned_project()
    client.force_login(UserFactory())
    url = reverse("discussion:comment", args=[project.pk])
    assert client.post(url, {"body": ""}).status_code == 400
    assert client.post(url, {"body": "Hello"}).status_code == 302


def test_reports_past_the_limit_get_the_429_page(client, settings):
    """The report past the limit is a 429 page and is not stored."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": "2/h"}
    project = owned_project()
    comments = [CommentFactory(project=project) for _ in range(3)]
    client.force_login(UserFactory())
    statuses = [
        client.post(
            reverse("discussion:report_comment", args=[comment.pk]), {"reason": "spam"}
        ).status_code
        for comment in comments
    ]
    assert statuses == [302, 302, 429]
    assert Report.objects.count() == 2
