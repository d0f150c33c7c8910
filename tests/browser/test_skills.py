"""Skills recognised as someone types, in a real browser; saved only after they say yes."""

from coproduce.accounts.models import User
from coproduce.skills.models import PersonSkill

from .conftest import sign_in


def test_suggestions_appear_while_typing_and_are_confirmed_after_saving(
    page, live_server, demo_borough
):
    """Typing shows suggestions with the words behind them; ticking one after saving adds it."""
    sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
    page.goto(f"{live_server.url}/people/me/edit/")
    page.get_by_label("What can you do?").fill("I run the school fete every year")
    region = page.locator(".coproduce-skill-suggestions")
    region.wait_for(state="visible", timeout=10_000)
    assert "Event planning" in region.inner_text()
    assert "school fete" in region.inner_text()
    user = User.objects.get(email__startswith="resident@")
    assert not PersonSkill.objects.filter(profile__user=user, skill__slug="event-planning").exists()
    page.get_by_role("button", name="Save profile").click()
    page.get_by_label("Event planning", exact=False).check()
    page.get_by_role("button", name="Save my skills").click()
    assert PersonSkill.objects.filter(
        profile__user=user, skill__slug="event-planning", status="confirmed"
    ).exists()
