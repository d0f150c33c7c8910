import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.tests.factories import moderator
from coproduce.stories import permissions

from .factories import PrivateStoryFactory, StoryFactory, WaitingStoryFactory

pytestmark = pytest.mark.django_db


def test_published_stories_are_for_everyone():
    """Anyone, signed in or not, may read a published story."""
    story = StoryFactory()
    assert permissions.can_see(AnonymousUser(), story)
    assert permissions.can_see(UserFactory(), story)


@pytest.mark.parametrize("factory", [WaitingStoryFactory, PrivateStoryFactory])
def test_unpublished_stories_are_for_teller_and_moderators(factory):
    """A story not yet published is seen by its teller and moderators only."""
    story = factory()
    assert permissions.can_see(story.teller, story)
    assert permissions.can_see(moderator(), story)
    assert not permissions.can_see(UserFactory(), story)
    assert not permissions.can_see(AnonymousUser(), story)


def test_only_the_teller_may_change():
    """Moderators hide; they do not edit someone's story."""
    story = StoryFactory()
    assert permissions.can_change(story.teller, story)
    assert not permissions.can_change(moderator(), story)
    assert not permissions.can_change(AnonymousUser(), story)


def test_a_closed_account_cannot_tell():
    """An inactive account is not signed in for telling."""
    assert permissions.can_tell(UserFactory())
    assert not permissions.can_tell(UserFactory(is_active=False))
    assert not permissions.can_tell(AnonymousUser())
