"""Closing an account and removing one's words removes the earlier texts of edits too."""

import pytest

from coproduce.discussion import services
from coproduce.discussion.models import CommentEdit
from coproduce.personal_data import services as personal_data

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("remove", [True, False])
def test_earlier_texts_go_with_the_words_when_asked(remove):
    comment = CommentFactory(body="First thoughts")
    services.comment_edit(author=comment.author, comment=comment, body="Second thoughts")
    personal_data.account_close(user=comment.author, remove_comments=remove)
    assert CommentEdit.objects.filter(comment=comment).exists() is not remove
