"""Discussing a project in a real browser: comment, report, and a moderator hides it."""

from coproduce.discussion.models import Comment, ModerationAction
from coproduce.projects.tests.factories import ProjectFactory

from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _as(page, live_server, role: str) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server.url, f"{role}{DEMO}")


def test_a_reported_comment_is_hidden_by_a_moderator(page, live_server, demo_borough):
    """Each step by the role that may; a visitor cannot comment and a resident cannot hide."""
    project = ProjectFactory(title="Canal orchard")
    url = f"{live_server.url}/projects/{project.pk}/"

    page.goto(url)
    assert page.get_by_role("button", name="Post comment").count() == 0
    assert page.get_by_role("link", name="Sign in to comment").is_visible()

    _as(page, live_server, "resident")
    page.goto(url)
    page.get_by_label("Add a comment").fill("Buy cheap watches at spam.example")
    page.get_by_role("button", name="Post comment").click()
    comment = Comment.objects.get(project=project)

    _as(page, live_server, "organiser")
    page.goto(url)
    assert page.get_by_role("link", name="Hide this comment").count() == 0
    page.get_by_role("link", name="Report this comment").click()
    page.get_by_label("It is spam or advertising").check()
    page.get_by_role("button", name="Send report").click()

    _as(page, live_server, "moderator")
    page.goto(f"{live_server.url}/discussion/moderation/")
    assert page.get_by_text("spam.example").first.is_visible()
    page.goto(url)
    page.get_by_role("link", name="Hide this comment").click()
    page.get_by_label("Reason").fill("Advertising is not allowed in discussions.")
    page.get_by_role("button", name="Hide this comment").click()

    comment.refresh_from_db()
    assert comment.is_hidden
    assert ModerationAction.objects.filter(action="hide").count() == 1
    _as(page, live_server, "officer")
    page.goto(url)
    assert page.get_by_text("This comment was hidden by a moderator.").is_visible()
    assert page.get_by_text("spam.example").count() == 0
