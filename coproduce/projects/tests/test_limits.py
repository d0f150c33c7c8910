"""The limit on offers and proposals, which tell a project's owners (RATE_LIMITS)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.projects.models import Contribution

from .test_contributions import _open_project

pytestmark = pytest.mark.django_db


def test_proposals_past_the_limit_get_the_429_page(client, settings):
    """The proposal past the limit is a 429 page: not stored, and the owners are not told."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "contribution": "2/h"}
    project = _open_project()
    client.force_login(UserFactory())
    url = reverse("projects:propose", args=[project.pk])
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    proposal = {"message": "I will ask the school", "due_on": due}
    assert [client.post(url, proposal).status_code for _ in range(2)] == [302, 302]
    told = Notification.objects.count()
    response = client.post(url, proposal)
    assert response.status_code == 429
    assert "You have done this too many times" in response.text
    assert Contribution.objects.filter(project=project).count() == 2
    assert Notification.objects.count() == told
