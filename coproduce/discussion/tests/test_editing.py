"""Authors edit and delete their own comments (services and views)."""

import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion import services
from coproduce.discussion.models import Comment, CommentEdit, Report
from coproduce.projects.tests.factories import owned_project

from .factories import CommentFactory, CommentReportFactory, ReplyFactory, moderator

pytestmark = pytest.mark.django_db


def _page(client, comment) -> str:
    return client.get(reverse("projects:detail", args=[comment.project_id])).text


# Services -----------------------------------------------------------------------------------


def test_an_edit_keeps_the_earlier_text_and_marks_the_comment_edited():
    comment = CommentFactory(body="First words")
    services.comment_edit(author=comment.author, comment=comment, body="  Better words \r\n")
    comment.refresh_from_db()
    assert comment.body == "Better words" and comment.edited_at is not None
    assert list(CommentEdit.objects.values_list("body", flat=True)) == ["First words"]


def test_the_same_text_again_is_not_an_edit():
    comment = CommentFactory(body="Same")
    services.comment_edit(author=comment.author, comment=comment, body="Same")
    comment.refresh_from_db()
    assert comment.edited_at is None and not CommentEdit.objects.exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_an_edit_to_empty_or_too_long_text_is_refused(body):
    comment = CommentFactory(body="Kept")
    with pytest.raises(Refusal):
        services.comment_edit(author=comment.author, comment=comment, body=body)
    comment.refresh_from_db()
    assert comment.body == "Kept" and not CommentEdit.objects.exists()


def test_only_the_author_edits_or_deletes():
    comment = CommentFactory(body="Mine")
    other = UserFactory()
    with pytest.raises(NotAllowed):
        services.comment_edit(author=other, comment=comment, body="Theirs")
    with pytest.raises(NotAllowed):
        services.comment_delete(author=moderator(), comment=comment)
    comment.refresh_from_db()
    assert comment.body == "Mine" and comment.deleted_at is None


def test_nothing_changes_once_a_moderator_hid_it():
    comment = CommentFactory(is_hidden=True, hidden_reason="Rude")
    with pytest.raises(NotAllowed):
        services.comment_edit(author=comment.author, comment=comment, body="Sorry")
    with pytest.raises(NotAllowed):
        services.comment_delete(author=comment.author, comment=comment)


def test_a_deleted_comment_cannot_be_edited_or_deleted_again():
    comment = CommentFactory()
    services.comment_delete(author=comment.author, comment=comment)
    with pytest.raises(NotAllowed):
        services.comment_edit(author=comment.author, comment=comment, body="Back")
    with pytest.raises(NotAllowed):
        services.comment_delete(author=comment.author, comment=comment)


def test_deleting_keeps_the_text_for_moderators_and_closes_its_reports():
    report = CommentReportFactory(comment=CommentFactory(body="Said in anger"))
    comment = report.comment
    services.comment_delete(author=comment.author, comment=comment)
    comment.refresh_from_db()
    report.refresh_from_db()
    assert comment.deleted_at is not None and comment.body == "Said in anger"
    assert report.status == Report.Status.RESOLVED


def test_a_deleted_comment_cannot_be_reported():
    comment = CommentFactory()
    services.comment_delete(author=comment.author, comment=comment)
    with pytest.raises(Refusal):
        services.report_make(reporter=UserFactory(), reason="spam", comment=comment)


# The thread -------------------------------------------------------------------------------


def test_an_edited_comment_says_so_with_the_time(client):
    comment = CommentFactory(project=owned_project(), body="Old")
    services.comment_edit(author=comment.author, comment=comment, body="New words")
    text = _page(client, comment)
    assert "New words" in text and "Old" not in text
    assert "edited" in text
    # The time the GOV.UK way: "Saturday 5 December 2026, 6:09pm", never "18:09" or "p.m.".
    shown = r"edited <time[^>]*>\w+ \d+ \w+ \d{4}, (\d+(:\d\d)?[ap]m|midday|midnight)<"
    assert re.search(shown, text)
    assert "p.m." not in text


def test_a_deleted_comment_with_replies_keeps_its_place(client):
    parent = CommentFactory(project=owned_project(), body="The first word")
    ReplyFactory(parent=parent, body="A reply to it")
    services.comment_delete(author=parent.author, comment=parent)
    text = _page(client, parent)
    assert "Comment deleted by its author" in text and "A reply to it" in text
    assert "The first word" not in text


def test_a_deleted_comment_without_replies_disappears(client):
    comment = CommentFactory(project=owned_project(), body="Gone soon")
    CommentFactory(project=comment.project, body="Still here")
    services.comment_delete(author=comment.author, comment=comment)
    text = _page(client, comment)
    assert "Gone soon" not in text and "Comment deleted by its author" not in text
    assert "Still here" in text


def test_a_deleted_reply_disappears_and_a_parent_with_only_deleted_replies_too(client):
    parent = CommentFactory(project=owned_project(), body="Parent words")
    reply = ReplyFactory(parent=parent, body="Reply words")
    services.comment_delete(author=reply.author, comment=reply)
    services.comment_delete(author=parent.author, comment=parent)
    text = _page(client, parent)
    assert "Reply words" not in text and "Comment deleted by its author" not in text


def test_edit_and_delete_links_show_to_the_author_only(client):
    comment = CommentFactory(project=owned_project())
    edit = reverse("discussion:comment_edit", args=[comment.pk])
    client.force_login(UserFactory())
    assert edit not in _page(client, comment)
    client.force_login(comment.author)
    text = _page(client, comment)
    assert edit in text and reverse("discussion:comment_delete", args=[comment.pk]) in text


# Views ----------------------------------------------------------------------------------------


def test_the_author_edits_by_the_form(client):
    comment = CommentFactory(project=owned_project(), body="Before")
    url = reverse("discussion:comment_edit", args=[comment.pk])
    client.force_login(comment.author)
    response = client.get(url)
    assert response.status_code == 200 and "Before" in response.text
    response = client.post(url, {"body": "After"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.body == "After" and comment.edits.get().body == "Before"


def test_an_empty_edit_is_a_form_error_with_one_summary(client):
    comment = CommentFactory(project=owned_project(), body="Before")
    client.force_login(comment.author)
    response = client.post(reverse("discussion:comment_edit", args=[comment.pk]), {"body": " "})
    assert response.status_code == 400
    assert response.text.count("govuk-error-summary__title") == 1
    assert Comment.objects.get(pk=comment.pk).body == "Before"


def test_delete_asks_first_and_a_get_deletes_nothing(client):
    comment = CommentFactory(project=owned_project(), body="Think twice")
    url = reverse("discussion:comment_delete", args=[comment.pk])
    client.force_login(comment.author)
    response = client.get(url)
    assert response.status_code == 200 and "Delete your comment?" in response.text
    assert Comment.objects.get(pk=comment.pk).deleted_at is None
    response = client.post(url)
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).deleted_at is not None


@pytest.mark.parametrize("name", ["discussion:comment_edit", "discussion:comment_delete"])
def test_others_may_not_edit_or_delete(client, name):
    comment = CommentFactory(project=owned_project(), body="Mine")
    url = reverse(name, args=[comment.pk])
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.post(url, {"body": "Theirs"}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Mine" and comment.deleted_at is None


def test_a_hidden_comment_cannot_be_edited_by_its_author(client):
    comment = CommentFactory(project=owned_project(), is_hidden=True, hidden_reason="Rude")
    client.force_login(comment.author)
    url = reverse("discussion:comment_edit", args=[comment.pk])
    assert client.post(url, {"body": "Nice now"}).status_code == 403
    assert reverse("discussion:comment_edit", args=[comment.pk]) not in _page(client, comment)


def test_editing_is_rate_limited_as_posting_is(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "2/h"}
    comment = CommentFactory(project=owned_project())
    client.force_login(comment.author)
    url = reverse("discussion:comment_edit", args=[comment.pk])
    assert client.post(url, {"body": "One"}).status_code == 302
    assert client.post(url, {"body": "Two"}).status_code == 302
    assert client.post(url, {"body": "Three"}).status_code == 429
    assert Comment.objects.get(pk=comment.pk).body == "Two"


def test_deleting_is_rate_limited_as_posting_is(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "1/h"}
    project = owned_project()
    author = UserFactory()
    first, second = (
        CommentFactory(project=project, author=author),
        CommentFactory(project=project, author=author),
    )
    client.force_login(author)
    assert client.post(reverse("discussion:comment_delete", args=[first.pk])).status_code == 302
    assert client.post(reverse("discussion:comment_delete", args=[second.pk])).status_code == 429
    assert Comment.objects.get(pk=second.pk).deleted_at is None
