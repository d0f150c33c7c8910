"""The limit on joining groups, which tells each group's organisers (RATE_LIMITS)."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership

from .factories import OrganiserFactory

pytestmark = pytest.mark.django_db


def test_joins_past_the_limit_get_the_429_page(client, settings):
    """Joining group after group: past the limit it is a 429 page and no organiser is told."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "group_join": "2/h"}
    groups = [OrganiserFactory().organisation for _ in range(3)]
    person = UserFactory()
    client.force_login(person)
    statuses = [
        client.post(reverse("groups:join", args=[group.slug])).status_code for group in groups
    ]
    assert statuses == [302, 302, 429]
    assert not Membership.objects.filter(organisation=groups[2], user=person).exists()
