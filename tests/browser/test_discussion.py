"""Discussing a project in a real browser: comment, report, and a moderator hides it."""

from playwright.sync_api import expect

from coproduce.discussion.models import Comment, ModerationAction
from coproduce.projects.tests.factories import ProjectFactory

from .axe import axe_violations
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
    expect(page.get_by_role("link", name="Sign in to comment")).to_be_visible()

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
    expect(page.get_by_text("spam.example").first).to_be_visible()
    page.goto(url)
    page.get_by_role("link", name="Hide this comment").click()
    page.get_by_label("Reason").fill("Advertising is not allowed in discussions.")
    page.get_by_role("button", name="Hide this comment").click()

    comment.refresh_from_db()
    assert comment.is_hidden
    assert ModerationAction.objects.filter(action="hide").count() == 1
    _as(page, live_server, "officer")
    page.goto(url)
    expect(page.get_by_text("This comment was hidden by a moderator.")).to_be_visible()
    assert page.get_by_text("spam.example").count() == 0


def _tab_to(page, matches: str, limit: int = 300) -> None:
    """Press Tab until the focused element passes the JavaScript test `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({matches})))(document.activeElement)"):
            return
    raise AssertionError(f"could not reach an element where {matches} with the Tab key")


def _no_axe_problems(page, axe_source: str, label: str) -> None:
    found = axe_violations(page, axe_source, label=label)
    assert not found, "\n".join(str(v) for v in found)


def test_an_author_edits_and_deletes_a_comment_by_keyboard(
    page, live_server, demo_borough, axe_source
):
    """Keyboard only: a failed comment shows the project page with the error; the author
    posts, edits (marked edited) and deletes (after a confirmation) their comment. Every
    page on the way passes axe-core's WCAG 2.2 A and AA rules."""
    project = ProjectFactory(title="Canal orchard")
    url = f"{live_server.url}/projects/{project.pk}/"
    _as(page, live_server, "resident")
    page.goto(url)

    # Sent empty: the project page again, one error summary linking to the comment box.
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes('Post comment')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Canal orchard", level=1)).to_be_visible()
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.title().startswith("Error: ") and "Error: Error:" not in page.title()
    _no_axe_problems(page, axe_source, "failed comment")

    page.get_by_label("Add a comment").fill("Apple trees by the lock")
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes('Post comment')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    comment = Comment.objects.get(project=project)

    _tab_to(page, "el.tagName === 'A' && el.textContent.trim() === 'Edit your comment'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Edit your comment")).to_be_visible()
    _no_axe_problems(page, axe_source, "edit a comment")
    _tab_to(page, "el.tagName === 'TEXTAREA'")
    page.keyboard.press("Control+A")
    page.keyboard.type("Pear trees by the lock")
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes('Save changes')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    comment.refresh_from_db()
    assert comment.body == "Pear trees by the lock" and comment.edited_at is not None
    assert comment.edits.get().body == "Apple trees by the lock"
    expect(page.get_by_text("Pear trees by the lock")).to_be_visible()
    expect(page.locator(f"#comment-{comment.pk}").get_by_text("edited")).to_be_visible()
    _no_axe_problems(page, axe_source, "project with an edited comment")

    _tab_to(page, "el.tagName === 'A' && el.textContent.trim() === 'Delete your comment'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Delete your comment?")).to_be_visible()
    comment.refresh_from_db()
    assert comment.deleted_at is None  # asking deletes nothing
    _no_axe_problems(page, axe_source, "delete a comment")
    _tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes('Yes, delete')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    comment.refresh_from_db()
    assert comment.deleted_at is not None
    assert page.get_by_text("Pear trees by the lock").count() == 0
