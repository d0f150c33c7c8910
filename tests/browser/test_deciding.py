"""Deciding together with the keyboard only and without JavaScript: a resident answers a
statement in a conversation and votes in a sharing-out round, and those pages and their
results pass axe-core's WCAG 2.2 A and AA rules. (Surveys have their own browser test.)"""

from coproduce.budgets.models import Ballot, Round
from coproduce.conversations.models import Conversation, Vote
from coproduce.gatherings.models import Choice

from .axe import axe_violations
from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _tab_to(page, matches: str, limit: int = 200) -> None:
    """Press Tab until the focused element passes the JavaScript test `matches` (run by
    Playwright, which works with the page's own scripts off)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({matches})))(document.activeElement)"):
            return
    raise AssertionError(f"could not reach an element where {matches} with the Tab key")


def test_a_resident_answers_a_statement_with_the_keyboard(
    page_without_javascript, live_server, demo_borough
):
    """Tab to Agree, press Enter: the vote is recorded, and the page moves on."""
    page = page_without_javascript
    conversation = Conversation.objects.get(status=Conversation.Status.OPEN, ward=None)
    before = Vote.objects.filter(participant__user__email=f"resident{DEMO}").count()
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/conversations/{conversation.pk}/")
    _tab_to(page, "el.tagName === 'BUTTON' && el.value === 'agree'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    after = Vote.objects.filter(participant__user__email=f"resident{DEMO}").count()
    assert after == before + 1


def test_a_resident_votes_in_a_round_with_the_keyboard(
    page_without_javascript, live_server, demo_borough
):
    """Tab to a proposal, Space to tick it, Tab to the send button, Enter: one ballot."""
    page = page_without_javascript
    room_hours = Round.objects.get(title="Room hours for groups")
    Ballot.objects.filter(budget_round=room_hours, voter__email=f"resident{DEMO}").delete()
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/sharing-out/rounds/{room_hours.pk}/vote/")
    _tab_to(page, "el.type === 'checkbox'")
    page.keyboard.press("Space")
    _tab_to(page, "el.tagName === 'BUTTON' && el.value === 'vote'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    ballot = Ballot.objects.get(budget_round=room_hours, voter__email=f"resident{DEMO}")
    assert ballot.choices.count() == 1


def test_deciding_pages_have_no_accessibility_problems(page, live_server, demo_borough, axe_source):
    """Conversations, rounds, ballots, results and a meeting's choice: no WCAG A/AA issues."""
    conversation = Conversation.objects.get(status=Conversation.Status.OPEN, ward=None)
    rounds = {r.title: r.pk for r in Round.objects.all()}
    decided = rounds["Neighbourhood plans support"]
    open_round = rounds["Room hours for groups"]
    chosen_at_meet_up = Choice.objects.get(status="closed", about="projects")
    sign_in(page, live_server.url, f"resident{DEMO}")
    problems = []
    for path in [
        "/decide/",
        "/conversations/",
        f"/conversations/{conversation.pk}/",
        f"/conversations/{conversation.pk}/results/",
        "/sharing-out/",
        f"/sharing-out/rounds/{open_round}/",
        f"/sharing-out/rounds/{open_round}/vote/",
        f"/sharing-out/rounds/{decided}/result/",
        f"/gatherings/choices/{chosen_at_meet_up.pk}/",
        f"/gatherings/events/{chosen_at_meet_up.event_id}/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        problems += axe_violations(page, axe_source, label=path)
    assert not problems, "\n".join(str(p) for p in problems)
