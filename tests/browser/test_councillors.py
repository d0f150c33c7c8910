"""Councillors hear from the public: a resident asks a ward councillor a question with the
keyboard only and without JavaScript, the councillor answers, and the pages pass axe-core's
WCAG 2.2 A and AA rules."""

from coproduce.councillors.models import Question, Seat

from .axe import axe_violations
from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _tab_to(page, matches: str, limit: int = 200) -> None:
    """Press Tab until the focused element passes the JavaScript test `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean(el && ({matches})))(document.activeElement)"):
            return
    raise AssertionError(f"could not reach an element where {matches} with the Tab key")


def test_a_resident_asks_and_the_councillor_answers(
    page_without_javascript, live_server, demo_borough, axe_source
):
    """Keyboard only: choose the councillor, type, choose to be named, send; the councillor
    answers; the question and answer are on the ward's page, with no WCAG A/AA problems."""
    page = page_without_javascript
    seat = Seat.objects.select_related("ward").get(person__email=f"councillor{DEMO}")
    ward_url = f"{live_server.url}/councillors/wards/{seat.ward.slug}/"
    problems = []
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(ward_url)
    problems += axe_violations(page, axe_source, label="ward page")
    page.goto(f"{ward_url}ask/")
    problems += axe_violations(page, axe_source, label="ask")
    _tab_to(page, f"el.type === 'radio' && el.name === 'seat' && el.value === '{seat.pk}'")
    page.keyboard.press("Space")
    _tab_to(page, "el.tagName === 'TEXTAREA'")
    page.keyboard.type("Could the park gates stay open until 9pm in summer?")
    _tab_to(page, "el.type === 'radio' && el.name === 'show_name'")
    page.keyboard.press("Space")
    _tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    question = Question.objects.get(body__startswith="Could the park gates", seat=seat)
    assert question.asker.email == f"resident{DEMO}"

    page.context.clear_cookies()
    sign_in(page, live_server.url, f"councillor{DEMO}")
    page.goto(f"{live_server.url}/councillors/mine/")
    problems += axe_violations(page, axe_source, label="mine")
    page.goto(f"{live_server.url}/councillors/questions/{question.pk}/answer/")
    problems += axe_violations(page, axe_source, label="answer")
    _tab_to(page, "el.tagName === 'TEXTAREA'")
    page.keyboard.type("Yes, from June. I have asked the parks team.")
    _tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    question.refresh_from_db()
    assert question.answer.startswith("Yes, from June")
    page.goto(ward_url)
    assert "Yes, from June" in page.content()
    assert not problems, "\n".join(str(p) for p in problems)
