import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.models import Comment, ModerationAction, Report
from coproduce.notifications.models import Notification
from coproduce.projects.models import Follow, Project
from coproduce.projects.tests.factories import ProjectFactory, owned_project

from .factories import CommentFactory, CommentReportFactory, ReplyFactory, moderator

pytestmark = pytest.mark.django_db


def _thread(project, user=None, query: str = "") -> str:
    """Render the thread as the project page does: one template tag."""
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(f"/projects/{project.pk}/{query}")
    request.user = user or AnonymousUser()
    template = Template("{% load discussion %}{% project_discussion project %}")
    return template.render(Context({"project": project, "request": request}))


def _comment_url(project) -> str:
    return reverse("discussion:comment", args=[project.pk])


# The thread -------------------------------------------------------------------------------


def test_the_thread_takes_the_same_queries_whatever_the_number_of_comments(
    django_assert_num_queries,
):
    """Rendering 5 or 120 comments with replies costs the same number of queries."""
    small, large = owned_project(), owned_project()
    for _ in range(5):
        ReplyFactory(parent=CommentFactory(project=small))
    for _ in range(60):
        parent = CommentFactory(project=large)
        ReplyFactory(parent=parent)
        ReplyFactory(parent=parent)
    viewer = UserFactory()
    _thread(small, viewer)  # permissions cached on the viewer, as in one request
    with django_assert_num_queries(2):
        _thread(small, viewer)
    with django_assert_num_queries(2):
        html = _thread(large, viewer)
    assert html.count('class="coproduce-comment"') == 50 * 3
    assert "Older comments" in html


def test_older_comments_are_a_page_away():
    """The older-comments link shows the comments before the newest 50."""
    project = owned_project()
    first = CommentFactory(project=project, body="The very first comment")
    for _ in range(50):
        CommentFactory(project=project)
    assert "The very first comment" not in _thread(project)
    older = _thread(project, query=f"?comments_before={first.pk + 1}")
    assert "The very first comment" in older and "Newest comments" in older


@pytest.mark.parametrize("value", ["²", "①", "٣", "-1", "0", "9" * 40, "1e3"])
def test_a_comments_before_that_is_not_a_comment_number_is_a_400(client, value):
    """A made-up comments_before is the 400 page saying why, not a server error."""
    project = owned_project()
    response = client.get(reverse("projects:detail", args=[project.pk]), {"comments_before": value})
    assert response.status_code == 400
    assert "comments_before must be a whole number" in response.content.decode()


def test_comment_bodies_are_escaped():
    """A script tag in a comment shows as text."""
    comment = CommentFactory(body="<script>alert('x')</script>")
    html = _thread(comment.project)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_a_hidden_comment_shows_in_full_only_to_its_author_and_moderators():
    """Others see that it was hidden; the author and moderators see the text and reason."""
    comment = CommentFactory(body="Rude words here", is_hidden=True, hidden_reason="Abuse")
    for viewer in (None, UserFactory()):
        html = _thread(comment.project, viewer)
        assert "Rude words here" not in html
        assert "This comment was hidden by a moderator" in html
    for viewer in (comment.author, moderator()):
        html = _thread(comment.project, viewer)
        assert "Rude words here" in html and "Abuse" in html


def test_visitors_are_asked_to_sign_in_and_names_are_not_public():
    """Visitors get a sign-in link, no form, and no commenter names."""
    comment = CommentFactory(author=UserFactory(display_name="Zebedee"))
    html = _thread(comment.project)
    assert "Sign in to comment" in html and 'name="body"' not in html
    assert "Zebedee" not in html
    assert "Zebedee" in _thread(comment.project, UserFactory())


def test_the_form_is_replaced_by_a_reason_on_archived_projects():
    """An archived project's thread explains why it takes no comments."""
    html = _thread(ProjectFactory(status="archived"), UserFactory())
    assert 'name="body"' not in html and "archived" in html


def test_only_moderators_see_hide_links():
    """Residents see Reply and Report; moderators also see Hide."""
    comment = CommentFactory(project=owned_project())
    hide = reverse("discussion:comment_hide", args=[comment.pk])
    assert hide not in _thread(comment.project, UserFactory())
    assert hide in _thread(comment.project, moderator())


# Posting --------------------------------------------------------------------------------


def test_visitors_cannot_comment(client):
    """A visitor posting is sent to sign in and nothing is stored."""
    response = client.post(_comment_url(owned_project()), {"body": "Hi"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not Comment.objects.exists()


def test_a_resident_comments_and_is_sent_back_to_the_thread(client):
    """A signed-in resident's comment is saved and they return to #comments with a message."""
    project = owned_project()
    client.force_login(UserFactory())
    response = client.post(_comment_url(project), {"body": "Count me in"}, follow=True)
    assert response.redirect_chain[-1][0] == (
        reverse("projects:detail", args=[project.pk]) + "#comments"
    )
    assert Comment.objects.get().body == "Count me in"
    assert "Your comment has been added" in response.text


def test_owners_and_moderators_can_comment_too(client):
    """Owners and moderators post like anyone else."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    for person in (owner, moderator()):
        client.force_login(person)
        assert client.post(_comment_url(project), {"body": "Hello"}).status_code == 302
    assert Comment.objects.count() == 2


def test_the_comment_form_page_shows_for_residents(client):
    """GET shows the form on its own page to a signed-in person; visitors are sent to sign in."""
    project = owned_project()
    assert client.get(_comment_url(project)).status_code == 302
    client.force_login(UserFactory())
    response = client.get(_comment_url(project))
    assert response.status_code == 200 and 'name="body"' in response.text


def test_an_empty_comment_gets_a_form_error(client):
    """An empty comment shows the error summary and is not stored."""
    client.force_login(UserFactory())
    response = client.post(_comment_url(owned_project()), {"body": "  "})
    assert response.status_code == 400
    assert "There is a problem" in response.text and "Enter your comment" in response.text
    assert not Comment.objects.exists()


def test_a_too_long_comment_gets_a_form_error(client):
    """5,001 characters is a clear form error; nothing is stored."""
    client.force_login(UserFactory())
    response = client.post(_comment_url(owned_project()), {"body": "x" * 5001})
    assert response.status_code == 400
    assert "5,000 characters or fewer. It is 5,001." in response.text
    assert not Comment.objects.exists()


def test_a_huge_post_is_refused_before_it_is_read(client, django_assert_max_num_queries):
    """100,000 characters are refused with 413 and a clear page, in a few queries."""
    project = owned_project()
    client.force_login(UserFactory())
    # session, user, project, then the page layout (menu permissions, unread count)
    with django_assert_max_num_queries(6):
        response = client.post(_comment_url(project), {"body": "x" * 100_000})
    assert response.status_code == 413
    assert "Your comment is too long" in response.text
    assert not Comment.objects.exists()


def test_a_reply_to_another_projects_comment_is_a_form_error(client):
    """Replying on one project to a comment of another is refused with a reason."""
    elsewhere = CommentFactory()
    client.force_login(UserFactory())
    response = client.post(_comment_url(owned_project()), {"body": "Hi", "parent": elsewhere.pk})
    assert response.status_code == 400 and "only reply to comments on this" in response.text
    assert Comment.objects.count() == 1


def test_a_reply_to_a_missing_comment_is_a_form_error(client):
    """A parent that does not exist is a clear error, not a 500."""
    client.force_login(UserFactory())
    response = client.post(_comment_url(owned_project()), {"body": "Hi", "parent": 999999})
    assert response.status_code == 400 and "no longer exists" in response.text


def test_a_reply_is_saved_and_its_parent_author_told(client, django_capture_on_commit_callbacks):
    """A reply hangs under its parent and the parent's author is notified."""
    parent = CommentFactory(project=owned_project())
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_comment_url(parent.project), {"body": "Yes!", "parent": parent.pk})
    reply = Comment.objects.get(parent=parent)
    assert response["Location"].endswith(f"#comment-{reply.pk}")
    assert Notification.objects.filter(recipient=parent.author, kind="project_comments").exists()


def test_followers_are_told_through_the_page(client, django_capture_on_commit_callbacks):
    """Posting through the page notifies a follower."""
    project = owned_project()
    follower = UserFactory()
    Follow.objects.create(project=project, user=follower)
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_comment_url(project), {"body": "Hello"})
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_archived_projects_refuse_comments_with_a_message(client):
    """Posting to an archived project says why and stores nothing."""
    project = ProjectFactory(status="archived")
    client.force_login(UserFactory())
    response = client.post(_comment_url(project), {"body": "Hi"}, follow=True)
    assert "archived" in response.text
    assert not Comment.objects.exists()


def test_hidden_projects_are_not_found_by_residents(client):
    """A resident cannot comment on, or learn of, a hidden project."""
    project = ProjectFactory(is_hidden=True)
    client.force_login(UserFactory())
    assert client.post(_comment_url(project), {"body": "Hi"}).status_code == 404
    assert not Comment.objects.exists()


def test_the_reply_page(client):
    """Visitors are sent to sign in; residents get the reply form with the parent quoted."""
    parent = CommentFactory(project=owned_project(), body="Shall we meet on Saturday?")
    url = reverse("discussion:reply", args=[parent.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert "Shall we meet on Saturday?" in response.text and f'value="{parent.pk}"' in response.text


# Reports ----------------------------------------------------------------------------------


def test_reporting_a_comment(client):
    """Visitors are sent to sign in; a resident reports once, and a second time is refused."""
    comment = CommentFactory(project=owned_project())
    url = reverse("discussion:report_comment", args=[comment.pk])
    assert client.post(url, {"reason": "spam"}).status_code == 302
    assert not Report.objects.exists()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "spam", "details": "Selling phones"}, follow=True)
    assert "A moderator will look at your report" in response.text
    response = client.post(url, {"reason": "spam"}, follow=True)
    assert "You have already reported this" in response.text
    assert Report.objects.count() == 1


def test_a_report_needs_a_reason(client):
    """A report without a reason is a form error."""
    comment = CommentFactory(project=owned_project())
    client.force_login(UserFactory())
    response = client.post(reverse("discussion:report_comment", args=[comment.pk]), {})
    assert response.status_code == 400 and "Choose why you are reporting it" in response.text


def test_reporting_a_project(client):
    """A resident can report a project; visitors cannot."""
    project = owned_project()
    url = reverse("discussion:report_project", args=[project.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    client.post(url, {"reason": "untrue"})
    assert Report.objects.get().project == project


# Moderation -------------------------------------------------------------------------------


MODERATOR_URLS = [
    ("discussion:queue", None),
    ("discussion:log", None),
    ("discussion:comment_hide", "comment"),
    ("discussion:comment_restore", "comment"),
    ("discussion:project_hide", "project"),
    ("discussion:project_restore", "project"),
    ("discussion:report_dismiss", "report"),
]


@pytest.mark.parametrize(("name", "needs"), MODERATOR_URLS)
def test_moderation_pages_are_for_moderators_only(client, name, needs):
    """Visitors go to sign in; residents and owners are refused; moderators get the page."""
    owner = UserFactory()
    report = CommentReportFactory(comment=CommentFactory(project=owned_project(owner=owner)))
    arg = {"comment": report.comment_id, "project": report.comment.project_id, "report": report.pk}
    url = reverse(name, args=[arg[needs]] if needs else [])
    assert client.get(url).status_code == 302
    for person in (UserFactory(), owner):
        client.force_login(person)
        assert client.get(url).status_code == 403
        if needs:
            assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(moderator())
    assert client.get(url).status_code == 200
    assert not ModerationAction.objects.exists()


def test_the_queue_lists_open_reports_with_their_text(client, django_assert_max_num_queries):
    """Moderators see each open report and the reported text, in a fixed number of queries."""
    for n in range(30):
        CommentReportFactory(comment=CommentFactory(body=f"Reported words {n}"))
    CommentReportFactory(status=Report.Status.RESOLVED, comment=CommentFactory(body="Old news"))
    client.force_login(moderator())
    client.get(reverse("discussion:queue"))
    # One more than before edits were kept: the earlier texts of the reported comments; one
    # more again for stories waiting for a moderator (each kind that waits has its own list).
    with django_assert_max_num_queries(10):
        response = client.get(reverse("discussion:queue"))
    assert "Reported words 29" in response.text and "30 open reports" in response.text
    assert "Old news" not in response.text


def test_a_moderator_hides_a_comment_with_a_reason(client):
    """No reason is a form error; with one the comment is hidden and the author told."""
    comment = CommentFactory(project=owned_project())
    url = reverse("discussion:comment_hide", args=[comment.pk])
    client.force_login(moderator())
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400 and "Enter the reason" in response.text
    back = reverse("projects:detail", args=[comment.project_id]) + "#comments"
    response = client.post(url, {"reason": "Abusive", "next": back})
    assert response["Location"] == back
    assert Comment.objects.get(pk=comment.pk).is_hidden
    assert Notification.objects.get(recipient=comment.author).kind == "moderation"


def test_next_cannot_send_moderators_off_site(client):
    """An outside address in next is ignored for the queue."""
    comment = CommentFactory()
    client.force_login(moderator())
    response = client.post(
        reverse("discussion:comment_hide", args=[comment.pk]),
        {"reason": "Spam", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("discussion:queue")


def test_a_moderator_hides_and_restores_a_project(client):
    """Hide sets Project.is_hidden; restore clears it; both are logged."""
    project = owned_project()
    client.force_login(moderator())
    client.post(reverse("discussion:project_hide", args=[project.pk]), {"reason": "Advert"})
    assert Project.objects.get(pk=project.pk).is_hidden
    client.post(reverse("discussion:project_restore", args=[project.pk]), {"reason": "Fixed"})
    assert not Project.objects.get(pk=project.pk).is_hidden
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["restore", "hide"]


def test_restoring_what_is_not_hidden_is_a_form_error(client):
    """Restoring a visible comment says so and logs nothing."""
    comment = CommentFactory()
    client.force_login(moderator())
    response = client.post(
        reverse("discussion:comment_restore", args=[comment.pk]), {"reason": "Why not"}
    )
    assert response.status_code == 400 and "not hidden" in response.text
    assert not ModerationAction.objects.exists()


def test_a_moderator_dismisses_a_report(client):
    """Dismissing resolves the report, leaves the comment and logs it; it leaves the queue."""
    report = CommentReportFactory(comment=CommentFactory(body="Harmless words"))
    client.force_login(moderator())
    client.post(reverse("discussion:report_dismiss", args=[report.pk]), {"reason": "Fine"})
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert "Harmless words" not in client.get(reverse("discussion:queue")).text
    assert "Fine" in client.get(reverse("discussion:log")).text
    url = reverse("discussion:report_dismiss", args=[report.pk])
    assert client.get(url).status_code == 404
