"""The participation loop by keyboard alone: a resident volunteers, the owner accepts, the
helper sees the next step and writes to the owner, and the owner reads it. axe checks the
new pages (the project's helpers, a thread, the inbox, writing to a team)."""

import pytest

from coproduce.accounts.tests.factories import PASSWORD, UserFactory
from coproduce.messaging.models import Message
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects.models import Contribution, VolunteerRole
from coproduce.projects.tests.factories import owned_project

from .axe import axe_violations
from .conftest import sign_in


def _person(name: str):
    user = UserFactory(display_name=name)
    ProfileFactory(user=user, visibility_identity="public")
    return user


def _as(page, live_server, user) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server.url, user.email, PASSWORD)


def _focused(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.innerText || '' : ''")


def _tab_to_text(page, text: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if text in _focused(page):
            return
    raise AssertionError(f"could not reach {text!r} with the Tab key")


def _tab_to_id(page, element_id: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with the Tab key")


def _press_enter(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _no_violations(page, axe_source, label) -> None:
    found = axe_violations(page, axe_source, label=label)
    assert not found, "\n".join(str(v) for v in found)


@pytest.mark.django_db(transaction=True)
def test_volunteer_accepted_then_messages_the_owner_by_keyboard(
    page, live_server, axe_source, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "message_send": "20/h"}
    owner, helper = _person("Olu"), _person("Priya")
    project = owned_project(
        owner=owner,
        status="active",
        title="Canal clean-up",
        open_to_shape="Which stretch first",
        parameters_published_at="2026-01-01T00:00:00Z",
    )
    VolunteerRole.objects.create(project=project, title="Litter picker", places=2)
    base = live_server.url

    # The helper volunteers.
    _as(page, live_server, helper)
    page.goto(f"{base}/projects/{project.pk}/")
    assert "0 of 2 places filled" in page.content()
    _tab_to_text(page, "Volunteer")
    _press_enter(page)
    _tab_to_id(page, "id_role")
    page.keyboard.press("ArrowDown")  # from "Any role" to "Litter picker"
    _tab_to_id(page, "id_message")
    page.keyboard.type("I have gloves and a grabber.")
    _tab_to_text(page, "Volunteer")
    _press_enter(page)
    volunteer = Contribution.objects.get(project=project, person=helper)
    assert volunteer.role.title == "Litter picker" and volunteer.status == "pending"

    # The owner accepts.
    _as(page, live_server, owner)
    page.goto(f"{base}/projects/{project.pk}/contributions/")
    _tab_to_text(page, "Accept")
    _press_enter(page)
    volunteer.refresh_from_db()
    assert volunteer.status == "accepted"

    # The helper sees what happens next, and writes to the owner.
    _as(page, live_server, helper)
    page.goto(f"{base}/projects/{project.pk}/")
    text = page.inner_text("main")
    assert "1 of 2 places filled" in text
    assert "Priya: volunteering as Litter picker" in text
    assert "the owners welcomed Priya as a volunteer" in text
    assert "What happens next:" in text
    _no_violations(page, axe_source, "project page with helpers")
    _tab_to_text(page, "Send a message to the owners")
    _press_enter(page)
    _no_violations(page, axe_source, "writing to the owners")
    _tab_to_id(page, "id_body")
    page.keyboard.type("Where shall we meet on Saturday?")
    _tab_to_text(page, "Send the message")
    _press_enter(page)
    assert "Where shall we meet on Saturday?" in page.inner_text("main")
    assert owner.email not in page.content()
    _no_violations(page, axe_source, "a thread")

    # The owner reads it from their messages.
    _as(page, live_server, owner)
    page.goto(f"{base}/messages/")
    assert "New" in page.inner_text("main")
    _no_violations(page, axe_source, "the inbox")
    _tab_to_text(page, "Open")
    _press_enter(page)
    text = page.inner_text("main")
    assert "Where shall we meet on Saturday?" in text and "Priya" in text
    assert helper.email not in page.content()
    assert Message.objects.filter(sender=helper).count() == 1
