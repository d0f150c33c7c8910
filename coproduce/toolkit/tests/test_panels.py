import pytest
from django.urls import reverse

from coproduce.gatherings.tests.factories import EventFactory, SeriesFactory, SetSessionFactory
from coproduce.toolkit.models import Topic

from .factories import make_guide

pytestmark = pytest.mark.django_db


def test_an_action_learning_set_links_to_its_guide(client):
    """A set's series page and a session's page link to the action learning set guide."""
    guide = make_guide(topic=Topic.ACTION_LEARNING, title="How to run an action learning set")
    session = SetSessionFactory()
    link = reverse("toolkit:guide", args=[guide.slug])
    assert link in client.get(reverse("gatherings:series", args=[session.series.slug])).text
    assert link in client.get(reverse("gatherings:event", args=[session.pk])).text


def test_other_kinds_and_missing_guides_show_no_link(client):
    """A meet-up has no guide; a set with no guide written shows nothing."""
    make_guide(topic=Topic.OPEN_SPACE)
    meet_up = EventFactory()
    series = SeriesFactory()
    assert "How to run one" not in client.get(reverse("gatherings:event", args=[meet_up.pk])).text
    assert "How to run one" not in client.get(reverse("gatherings:series", args=[series.slug])).text
