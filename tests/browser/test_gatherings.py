"""A whole action learning set in a real browser: an organiser sets up a session, a resident
takes a place with the keyboard and brings a project, the four columns fill in (live on a
second screen), the action's owner gets the reminder by real SMTP, and at the next session
the resident reports back and the set's numbers move. axe checks the pages on the way."""

import contextlib
import re
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from coproduce.gatherings.models import Action, Barrier, Event, Rsvp, Series, Treatment
from coproduce.gatherings.services.reminders import action_reminders_send
from coproduce.places.models import Place

from .axe import axe_violations
from .conftest import choose_place, fill_date, sign_in

DEMO = "@demo.northbrook.invalid"
SET = "Northbrook Coproduction Action Learning Set"
SESSION = "Action learning set: spring session"
ACTION = "Ask the corner shop about leftovers"
BARRIER = "No cheap rooms to hire"
NOTE_SEEN_LIVE = "Families on the Elm estate"
PROJECT = "Elm estate community fridge"


def _pk_in(url: str) -> int:
    return int(re.search(r"/(\d+)/(?:[?#].*)?$", url).group(1))


def _focused_label(page) -> str:
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return (el && el.labels && el.labels.length) ? el.labels[0].innerText"
        " : (el ? el.innerText || '' : ''); }"
    )


def _tab_until(page, wanted: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted in _focused_label(page):
            return
    raise AssertionError(f"could not reach “{wanted}” with the Tab key")


def _email(smtp_server, subject: str, timeout: float = 10.0):
    """The email with this subject, once it has come through the SMTP server."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in smtp_server.messages if m["Subject"] == subject]
        if found:
            [message] = found
            return message
        if time.monotonic() > deadline:
            raise AssertionError(f"no email “{subject}” in {timeout}s")
        with contextlib.suppress(AssertionError):  # nothing new yet: look again
            smtp_server.wait_for(len(smtp_server.messages) + 1, timeout=0.5)


def _no_violations(page, axe_source: str, label: str) -> None:
    violations = axe_violations(page, axe_source, label=label)
    assert not violations, "\n".join(str(v) for v in violations)


def _organiser_sets_up_a_session(page, base: str, day) -> Event:
    page.goto(f"{base}/gatherings/series/new/")
    page.get_by_label("What is the series called?").fill(SET)
    page.get_by_label("Say in a sentence what it is").fill("Once a month, bring a project.")
    page.get_by_label("Action learning set").check()
    page.get_by_role("button", name="Set it up").click()
    page.wait_for_url(re.compile(r"/gatherings/series/[\w-]+/$"))
    series = Series.objects.get(slug=page.url.rstrip("/").rsplit("/", 1)[-1])
    assert series.title == SET
    page.get_by_role("link", name="Add an event to this series").click()
    page.get_by_label("What is the event called?").fill(SESSION)
    page.get_by_label("Say in a sentence what it is").fill("Bring a project for a treatment.")
    assert page.get_by_label("Action learning set").is_checked()  # the series' kind
    fill_date(page, "Date", day)
    page.get_by_label("Start time").fill("6pm")
    page.get_by_label("End time").fill("20:00")
    first_place = (
        Place.objects.filter(is_listed=True).select_related("ward").order_by("name", "pk").first()
    )
    choose_place(page, "Where is it?", first_place)
    page.get_by_label("How many places? (optional)").fill("12")
    page.get_by_label("Crèche").check()
    page.get_by_role("button", name="Put the event on").click()
    page.get_by_role("heading", name=SESSION).wait_for()
    event = Event.objects.get(pk=_pk_in(page.url))
    assert (event.title, event.series, event.access_provisions) == (SESSION, series, ["creche"])
    return event


def _resident_takes_a_place_with_the_keyboard(page, base: str, event: Event) -> None:
    page.goto(f"{base}/gatherings/events/{event.pk}/")
    _tab_until(page, "Crèche")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("A crèche place for my 3-year-old, please.")
    _tab_until(page, "Take a place", limit=5)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("You have a place.", exact=True).wait_for()


def _add(page, label: str, text: str, button: str) -> None:
    page.get_by_label(label, exact=True).fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_a_whole_action_learning_set(
    page, browser, live_server, demo_borough, smtp_server, axe_source
):
    """Set up, take a place, bring a project, fill four columns, get reminded, report back."""
    base = live_server.url
    resident = get_user_model().objects.get(email=f"resident{DEMO}")
    session_day = timezone.localdate() + timedelta(days=2)
    due = session_day + timedelta(days=1)

    sign_in(page, base, f"organiser{DEMO}")
    event = _organiser_sets_up_a_session(page, base, session_day)

    context = browser.new_context(locale="en-GB")
    try:
        other = context.new_page()
        other.set_default_timeout(15_000)
        sign_in(other, base, f"resident{DEMO}")
        _resident_takes_a_place_with_the_keyboard(other, base, event)
        rsvp = Rsvp.objects.get(event=event, user=resident)
        assert rsvp.status == Rsvp.Status.CONFIRMED and rsvp.access_requests == ["creche"]
        _no_violations(other, axe_source, "event page, with a place")

        other.get_by_role("link", name="Put a project forward for this session").click()
        other.get_by_label("Name of the project").fill(PROJECT)
        other.get_by_label("The project in a few lines").fill(
            "A fridge where shops leave food that would otherwise be thrown away."
        )
        other.get_by_label("What would you like help with? (optional)").fill("Where to put it.")
        other.get_by_role("button", name="Put it forward").click()
        other.wait_for_url(re.compile(r"/gatherings/treatments/\d+/$"))
        treatment = Treatment.objects.get(pk=_pk_in(other.url))
        assert (treatment.title, treatment.presenter, treatment.event) == (
            PROJECT,
            resident,
            event,
        )
        assert treatment.status == Treatment.Status.PROPOSED

        page.goto(f"{base}/gatherings/events/{event.pk}/")
        with page.expect_navigation():
            page.get_by_role("button", name="Take it").click()
        treatment.refresh_from_db()
        assert treatment.status == Treatment.Status.ACCEPTED

        # The resident has the page open; the organiser adds a note; it appears by itself.
        treatment_url = f"{base}/gatherings/treatments/{treatment.pk}/"
        other.goto(treatment_url)
        other.wait_for_load_state("networkidle")
        other.evaluate("() => { window.stillTheSamePage = true; }")
        page.goto(treatment_url)
        _add(page, "Add someone who is affected", NOTE_SEEN_LIVE, "Add to who is affected")
        other.locator('ul[data-column="who"]').get_by_text(NOTE_SEEN_LIVE).wait_for(timeout=8_000)
        assert other.evaluate("() => window.stillTheSamePage === true")

        # The resident fills in the other three columns.
        other.goto(treatment_url)
        _add(other, "Add a resource", "The church hall kitchen", "Add to resources")
        other.get_by_label("Action", exact=True).fill(ACTION)
        other.get_by_label("Who will do it?").select_option(label=str(resident))
        fill_date(other, "Due by", due)
        with other.expect_navigation():
            other.get_by_role("button", name="Add to the action plan").click()
        _add(other, "Add a barrier", BARRIER, "Add to barriers")
        action = Action.objects.get(treatment=treatment)
        assert (action.owner, action.due_on) == (resident, due)
        barrier = Barrier.objects.get(treatment=treatment)
        assert barrier.text == BARRIER
        for text in (NOTE_SEEN_LIVE, "The church hall kitchen", ACTION, BARRIER):
            expect(other.locator("main").get_by_text(text).first).to_be_visible()
        _no_violations(other, axe_source, "treatment page, while it is filled in")

        # The reminder, by real SMTP.
        assert action_reminders_send(now=timezone.now()) >= 1
        reminder = _email(smtp_server, f"Due {date_format(due, 'l j F')}: {ACTION}")
        assert reminder["To"] == resident.email
        text = reminder.get_body(("plain",)).get_content()
        assert f"You agreed to this at {SESSION}, for “{PROJECT}”." in text
        assert f"/gatherings/treatments/{treatment.pk}/" in text
        assert action_reminders_send(now=timezone.now()) == 0  # once only

        # Later: the session is over, and the resident reports back.
        ended = timezone.now() - timedelta(hours=1)
        Event.objects.filter(pk=event.pk).update(
            starts_at=ended - timedelta(hours=2), ends_at=ended
        )
        other.goto(treatment_url)
        other.get_by_role("link", name="Report back on actions and barriers").click()
        other.get_by_role("group", name=ACTION).get_by_label("Done").check()
        other.get_by_role("group", name=BARRIER).get_by_label("Busted").check()
        other.get_by_role("button", name="Save the report back").click()
        other.get_by_text("Say how it was busted, so others can learn").first.wait_for()
        expect(other.locator(".govuk-error-summary")).to_be_visible()
        action.refresh_from_db()
        assert action.status == Action.Status.OPEN  # nothing saved without a "how"
        other.get_by_role("group", name=BARRIER).get_by_label("Busted").check()
        other.get_by_role("group", name=ACTION).get_by_label("Done").check()
        other.get_by_label("How was it busted, or what is still in the way? (optional)").fill(
            "The church hall lends its room free on Tuesdays."
        )
        other.get_by_role("button", name="Save the report back").click()
        other.wait_for_url(re.compile(r"/gatherings/series/[\w-]+/#progress$"))
        row = other.locator("tr", has_text=PROJECT).inner_text()
        assert row.count("1 of 1") == 2, row  # 1 of 1 actions done, 1 of 1 barriers busted
        barrier.refresh_from_db()
        assert barrier.is_busted

        other.goto(treatment_url)
        expect(
            other.get_by_text("The church hall lends its room free on Tuesdays.").first
        ).to_be_visible()
        _no_violations(other, axe_source, "treatment page, after the report back")
    finally:
        context.close()
