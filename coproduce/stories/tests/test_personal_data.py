"""A person's stories in their download, and gone once they leave."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.stories.models import Story

from .factories import StoryFactory

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    """Every story field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("stories.")] == []


def test_download_has_the_stories():
    """A person's download lists the stories they told, in their words."""
    story = StoryFactory(what_happened="We planted the verge")
    rows = personal_data_gather(story.teller)["stories_told"]
    assert rows[0]["what_happened"] == "We planted the verge"


def test_closing_an_account_deletes_the_stories():
    """A teller who leaves takes their stories with them; others' stay."""
    person = UserFactory()
    StoryFactory(teller=person)
    other = StoryFactory()
    personal_data.account_close(user=person, remove_comments=False)
    assert list(Story.objects.all()) == [other]
