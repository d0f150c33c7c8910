import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion import services, tasks
from coproduce.discussion.models import Comment, ModerationAction, Report
from coproduce.notifications.models import Notification
from coproduce.projects.models import Follow, Project
from coproduce.projects.tests.factories import ProjectFactory, owned_project

from .factories import CommentFactory, CommentReportFactory, ReplyFactory, moderator

pytestmark = pytest.mark.django_db


def _told(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_a_comment_is_stored_trimmed():
    """A signed-in person's comment is saved with surrounding space removed."""
    project = owned_project()
    comment = services.comment_post(author=UserFactory(), project=project, body="  Hello  \r\n")
    assert Comment.objects.get().body == "Hello"
    assert comment.parent is None


@pytest.mark.parametrize("body", ["", "   \n  ", "x" * 5001])
def test_empty_or_too_long_comments_are_refused(body):
    """Empty text and text over 5,000 characters are refused and nothing is stored."""
    with pytest.raises(Refusal):
        services.comment_post(author=UserFactory(), project=owned_project(), body=body)
    assert not Comment.objects.exists()


def test_exactly_five_thousand_characters_is_allowed():
    """The limit itself is allowed."""
    services.comment_post(author=UserFactory(), project=owned_project(), body="x" * 5000)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "words"), [({"status": "archived"}, "archived"), ({"is_hidden": True}, "hidden")]
)
def test_archived_and_hidden_projects_take_no_comments(fields, words):
    """Commenting on an archived or hidden project is refused with a reason."""
    project = ProjectFactory(**fields)
    with pytest.raises(NotAllowed, match=words):
        services.comment_post(author=UserFactory(), project=project, body="Hi")


def test_a_reply_to_another_projects_comment_is_refused():
    """A parent comment must belong to the same project."""
    elsewhere = CommentFactory()
    with pytest.raises(Refusal, match="this project"):
        services.comment_post(
            author=UserFactory(), project=owned_project(), body="Hi", parent=elsewhere
        )
    assert Comment.objects.count() == 1


def test_a_reply_to_a_reply_stays_one_level_deep():
    """Replying to a reply hangs the new comment under the same top-level comment."""
    reply = ReplyFactory()
    new = services.comment_post(
        author=UserFactory(), project=reply.project, body="Me too", parent=reply
    )
    assert new.parent_id == reply.parent_id


def test_a_hidden_comment_cannot_be_replied_to():
    """Replies to hidden comments are refused."""
    hidden = CommentFactory(is_hidden=True)
    with pytest.raises(Refusal):
        services.comment_post(
            author=UserFactory(), project=hidden.project, body="Hi", parent=hidden
        )


def test_owners_and_followers_are_told_but_not_the_author(django_capture_on_commit_callbacks):
    """A new comment notifies owners and followers once each, never its author."""
    owner = UserFactory(display_name="Olu")
    project = owned_project(owner=owner)
    follower, author = UserFactory(), UserFactory(display_name="Ann")
    Follow.objects.create(project=project, user=follower)
    Follow.objects.create(project=project, user=owner)
    Follow.objects.create(project=project, user=author)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_post(author=author, project=project, body="Count me in")
    assert _told(owner) == [f"Ann commented on {project.title}"]
    assert _told(follower) == [f"Ann commented on {project.title}"]
    assert _told(author) == []


def test_the_parent_comments_author_is_told_of_a_reply(django_capture_on_commit_callbacks):
    """Whoever wrote the comment replied to hears of it, once, as a reply."""
    parent = CommentFactory(project=owned_project())
    Follow.objects.create(project=parent.project, user=parent.author)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_post(
            author=UserFactory(display_name="Bea"),
            project=parent.project,
            body="Yes",
            parent=parent,
        )
    assert _told(parent.author) == [f"Bea replied to your comment on {parent.project.title}"]


def test_people_are_told_only_once_the_comment_is_saved(django_capture_on_commit_callbacks):
    """Notifications wait for the commit, as a queued task; none are sent before."""
    project = owned_project()
    with django_capture_on_commit_callbacks() as callbacks:
        services.comment_post(author=UserFactory(), project=project, body="Hello")
    assert len(callbacks) == 1 and not Notification.objects.exists()


def test_a_comment_hidden_before_the_task_runs_tells_nobody():
    """If a moderator hid the comment first, the queued task sends nothing."""
    comment = CommentFactory(project=owned_project(), is_hidden=True)
    assert tasks.comment_notify.call(comment_id=comment.pk) == 0
    assert not Notification.objects.exists()


def test_one_open_report_per_person_per_item():
    """Reporting the same comment twice is refused; after it is resolved it can be reported."""
    comment, reporter = CommentFactory(), UserFactory()
    services.report_make(reporter=reporter, reason="spam", comment=comment)
    with pytest.raises(Refusal, match="already reported"):
        services.report_make(reporter=reporter, reason="spam", comment=comment)
    Report.objects.update(status=Report.Status.RESOLVED)
    services.report_make(reporter=reporter, reason="spam", comment=comment)
    assert Report.objects.count() == 2


def test_a_project_can_be_reported():
    """A report names the project and nothing else."""
    project = owned_project()
    report = services.report_make(reporter=UserFactory(), reason="untrue", project=project)
    assert report.project == project and report.comment is None


def test_hiding_a_comment_needs_a_moderator():
    """A resident cannot hide a comment; nothing is logged."""
    comment = CommentFactory()
    with pytest.raises(NotAllowed):
        services.comment_hide(moderator=UserFactory(), comment=comment, reason="Rude")
    assert not ModerationAction.objects.exists()


def test_hiding_needs_a_reason():
    """A blank reason is refused."""
    with pytest.raises(Refusal, match="Say why"):
        services.comment_hide(moderator=moderator(), comment=CommentFactory(), reason="  ")


def test_hiding_a_comment_logs_resolves_and_tells_the_author():
    """Hiding sets the flag, resolves open reports, logs the action and tells the author why."""
    report = CommentReportFactory()
    mod = moderator()
    services.comment_hide(moderator=mod, comment=report.comment, reason="Personal attack")
    comment = Comment.objects.get(pk=report.comment_id)
    assert comment.is_hidden and comment.hidden_reason == "Personal attack"
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED and report.resolved_by == mod
    action = ModerationAction.objects.get()
    assert (action.action, action.target, action.target_id) == ("hide", "comment", comment.pk)
    assert action.moderator == mod and action.reason == "Personal attack"
    note = Notification.objects.get(recipient=comment.author)
    assert note.kind == "moderation" and "Personal attack" in note.body


def test_restoring_a_comment_is_logged_and_told():
    """Restoring shows the comment again, logs it and tells the author."""
    comment = CommentFactory(is_hidden=True, hidden_reason="Rude")
    services.comment_restore(moderator=moderator(), comment=comment, reason="On appeal")
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.hidden_reason == ""
    assert ModerationAction.objects.get().action == "restore"
    assert "restored" in _told(comment.author)[0]


def test_hiding_a_project_sets_its_flag_and_tells_its_owners():
    """Hiding a project updates Project.is_hidden, logs it, and tells owner and author."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    services.project_hide(moderator=moderator(), project=project, reason="Advertising")
    assert Project.objects.get(pk=project.pk).is_hidden
    assert ModerationAction.objects.get().target == "project"
    assert "Advertising" in Notification.objects.get(recipient=owner).body
    assert Notification.objects.filter(recipient=project.created_by).exists()
    services.project_restore(moderator=moderator(), project=project, reason="Fixed")
    assert not Project.objects.get(pk=project.pk).is_hidden


def test_hiding_twice_is_refused():
    """A second hide says it is already hidden and logs nothing more."""
    comment, mod = CommentFactory(), moderator()
    services.comment_hide(moderator=mod, comment=comment, reason="Rude")
    with pytest.raises(Refusal, match="already hidden"):
        services.comment_hide(moderator=mod, comment=comment, reason="Rude")
    assert ModerationAction.objects.count() == 1


def test_dismissing_a_report_resolves_it_and_logs():
    """Dismissing closes the report without hiding anything, and is logged."""
    report = CommentReportFactory()
    services.report_dismiss(moderator=moderator(), report=report, reason="Not against the rules")
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert not Comment.objects.get(pk=report.comment_id).is_hidden
    action = ModerationAction.objects.get()
    assert (action.action, action.report_id) == ("dismiss", report.pk)


def test_moderation_actions_are_never_edited():
    """Saving a logged action a second time raises."""
    services.comment_hide(moderator=moderator(), comment=CommentFactory(), reason="Rude")
    action = ModerationAction.objects.get()
    action.reason = "Something else"
    with pytest.raises(ValueError):
        action.save()
