"""A failed comment shows the page it was on, with the error in place (answer 400)."""

import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.models import Comment
from coproduce.projects.tests.factories import ProjectFactory, owned_project

from .factories import CommentFactory

pytestmark = pytest.mark.django_db

SUMMARY = "govuk-error-summary__title"


def _post(client, project, body: str, **extra):
    client.force_login(UserFactory())
    return client.post(reverse("discussion:comment", args=[project.pk]), {"body": body, **extra})


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: owned_project(title="Plant the square"), id="project"),
        pytest.param(lambda: ProjectFactory(title="Plant the square", status="idea"), id="idea"),
        pytest.param(
            lambda: owned_project(title="Plant the square", status="completed"), id="completed"
        ),
    ],
)
def test_an_empty_comment_shows_the_page_it_was_on_with_one_error_summary(client, make):
    project = make()
    CommentFactory(project=project, body="An earlier comment")
    response = _post(client, project, "   ")
    assert response.status_code == 400
    text = response.text
    # The project page itself (its heading, its thread), not a bare form page.
    assert re.search(r"<h1[^>]*>\s*Plant the square", text)
    assert "An earlier comment" in text
    assert text.count(SUMMARY) == 1 and text.count("<h1") == 1
    assert "<title>Error: " in text and "Error: Error:" not in text
    # The summary links to the comment box, which shows the error.
    assert 'href="#comment-body"' in text and 'id="comment-body"' in text
    assert 'id="comment-body-error"' in text or "govuk-error-message" in text
    assert not Comment.objects.filter(body="").exists()


def test_the_typed_text_is_kept_when_the_comment_is_too_long(client):
    project = owned_project()
    body = "Words kept " + "x" * 5000
    response = _post(client, project, body)
    assert response.status_code == 400
    assert body in response.text
    assert response.text.count(SUMMARY) == 1
    assert "characters or fewer" in response.text
    assert Comment.objects.count() == 0


def test_a_good_comment_still_redirects(client):
    project = owned_project()
    response = _post(client, project, "Count me in")
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")


def test_a_failed_reply_comes_back_to_the_reply_form(client):
    parent = CommentFactory(project=owned_project())
    response = _post(client, parent.project, "", parent=parent.pk)
    assert response.status_code == 400
    assert "Post reply" in response.text and response.text.count(SUMMARY) == 1


def test_the_other_comment_boxes_on_the_page_are_not_in_error(client):
    """Only the failed form is bound: the page shows its own forms unbound."""
    project = owned_project()
    response = _post(client, project, "")
    assert response.text.count("govuk-error-message") == 1
