"""In headless Chromium: a resident tells a story with the keyboard only and without
JavaScript (an empty form shows one error summary; the story then waits for a moderator);
the list, a story's page and the form pass axe-core's WCAG 2.2 A and AA rules, with and
without JavaScript.

Run with `.venv/bin/pytest -m browser tests/browser/test_stories.py`.
"""

import pytest
from django.conf import settings

from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.stories.models import Story
from coproduce.stories.tests.factories import StoryFactory
from coproduce.testing.sessions import session_for

from .axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, base: str, user) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_for(user), "url": base}]
    )


def _axe(page, axe_source: str) -> list[str]:
    return [str(v) for v in axe_violations(page, axe_source, label=page.url)]


def _press_enter_on(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_telling_a_story_with_the_keyboard_only_and_no_javascript(
    page_without_javascript, live_server, axe_source
):
    """Typing fills the prompts, Space picks the choices, Enter sends; the story waits for a
    moderator and its page says so."""
    page = page_without_javascript
    teller = UserFactory()
    project = ProjectFactory(title="Canal clean-up")
    _sign_in(page, live_server.url, teller)
    found = []
    page.goto(f"{live_server.url}/stories/tell/?project={project.pk}")
    found += _axe(page, axe_source)
    _press_enter_on(page, page.get_by_role("button", name="Send your story"))
    assert page.locator(".govuk-error-summary").count() == 1
    assert "Say what happened" in page.locator(".govuk-error-summary").inner_text()
    found += _axe(page, axe_source)
    page.get_by_label("Give your story a title").focus()
    page.keyboard.type("Thirty of us on the towpath")
    page.get_by_label("What happened?").focus()
    page.keyboard.type("We picked litter along the canal on a Saturday.")
    page.get_by_label("What made it work?").focus()
    page.keyboard.type("Tea at the end.")
    page.get_by_role("radio", name="Yes, publish it for everyone to read").focus()
    page.keyboard.press("Space")
    page.get_by_role("radio", name="No, show “A resident”").focus()
    page.keyboard.press("Space")
    _press_enter_on(page, page.get_by_role("button", name="Send your story"))
    assert "waiting for a moderator" in page.locator("main").inner_text()
    found += _axe(page, axe_source)
    story = Story.objects.get(teller=teller)
    assert story.status == Story.Status.WAITING
    assert list(story.projects.all()) == [project]
    assert story.consent_given_at is not None
    assert found == []


def test_story_pages_pass_axe_with_javascript(page, live_server, axe_source):
    """The list, a filtered list, a story's page and the form pass axe with JavaScript on."""
    story = StoryFactory(latitude=51.51, longitude=-0.12)
    StoryFactory.create_batch(3)
    found = []
    page.goto(f"{live_server.url}/stories/")
    found += _axe(page, axe_source)
    page.goto(f"{live_server.url}/stories/?ward={story.ward.slug}")
    assert story.title in page.locator("main").inner_text()
    found += _axe(page, axe_source)
    page.goto(f"{live_server.url}/stories/{story.pk}/")
    found += _axe(page, axe_source)
    _sign_in(page, live_server.url, UserFactory())
    page.goto(f"{live_server.url}/stories/{story.pk}/")
    found += _axe(page, axe_source)
    page.goto(f"{live_server.url}/stories/tell/")
    found += _axe(page, axe_source)
    assert found == []
