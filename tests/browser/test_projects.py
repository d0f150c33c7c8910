"""Projects end to end in a real browser: share, take on, set parameters, offer, accept."""

from datetime import date, timedelta

from playwright.sync_api import expect

from coproduce.projects.models import Contribution, Project

from .conftest import fill_date, sign_in

DEMO = "@demo.northbrook.invalid"


def _as(page, live_server, role: str) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server.url, f"{role}{DEMO}")


def test_an_idea_becomes_a_project_people_join(page, live_server, demo_borough):
    """Each step by the role that may do it; the others do not get the buttons."""
    base = live_server.url
    _as(page, live_server, "resident")
    page.goto(f"{base}/projects/new/")
    page.get_by_label("What is your idea or project called?").fill("Canal orchard")
    page.get_by_label("Sum it up in a sentence or two").fill("Fruit trees along the canal.")
    page.get_by_label("What is it about?").select_option("food")
    page.get_by_role("button", name="Share the idea").click()
    project = Project.objects.get(title="Canal orchard")
    assert project.status == "idea"

    _as(page, live_server, "organiser")
    page.goto(f"{base}/projects/{project.pk}/")
    page.get_by_role("button", name="Take this idea on").click()
    page.get_by_role("link", name="What is fixed and what is open").click()
    page.get_by_label("What people can shape").fill("Which trees, and where.")
    page.get_by_label("Publish these now, so people see them before they join").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Before you join")).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"{base}/projects/{project.pk}/")
    assert page.get_by_role("button", name="Offer help").count() == 0  # visitors sign in first
    assert page.get_by_role("link", name="Change the stage").count() == 0

    _as(page, live_server, "moderator")
    page.goto(f"{base}/projects/{project.pk}/")
    assert page.get_by_role("link", name="Change the stage").count() == 0  # not an owner
    page.get_by_role("button", name="Offer help").click()
    page.get_by_label("My time").check()
    page.get_by_label("Tell the owners about your offer").fill("I can dig on Saturdays.")
    page.get_by_role("button", name="Send the offer").click()
    page.get_by_role("button", name="Appreciate this").click()
    expect(page.get_by_role("button", name="Take back my appreciation")).to_be_visible()
    page.get_by_role("button", name="Propose an action").click()
    page.get_by_label("What will you do?").fill("I will ask the school if we can use the hall.")
    fill_date(page, "By when?", date.today() + timedelta(days=14))
    page.get_by_role("button", name="Propose it").click()

    _as(page, live_server, "officer")
    page.goto(f"{base}/projects/{project.pk}/")
    page.get_by_role("button", name="Volunteer").click()
    page.get_by_label("Tell the owners a little about yourself").fill("I can carry trees.")
    page.get_by_role("button", name="Volunteer").click()

    _as(page, live_server, "organiser")
    page.goto(f"{base}/projects/{project.pk}/contributions/")
    for _ in range(3):
        page.get_by_role("button", name="Accept").first.click()
    statuses = dict(Contribution.objects.filter(project=project).values_list("kind", "status"))
    assert statuses == {"offer": "accepted", "proposal": "accepted", "volunteer": "accepted"}
    assert Project.objects.get(pk=project.pk).appreciation_count == 1
