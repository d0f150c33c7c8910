"""The place question on the event form: an accessible autocomplete with JavaScript, a plain
select without it; and the GOV.UK date input and a time written "7pm" on the same form."""

import datetime

from coproduce.gatherings.models import Event
from coproduce.places.models import Place

from .axe import axe_violations
from .conftest import sign_in

ORGANISER = "organiser@demo.northbrook.invalid"


def _a_place() -> Place:
    """A listed place with no rooms to book, so the form does not come back to ask for one."""
    from coproduce.bookings.models import BookableRoom

    with_rooms = BookableRoom.objects.values("space__place_id")
    return (
        Place.objects.filter(is_listed=True)
        .exclude(pk__in=with_rooms)
        .select_related("ward")
        .order_by("pk")
        .first()
    )


def _fill_the_rest(page, title: str) -> None:
    day = datetime.date.today() + datetime.timedelta(days=40)
    page.fill("#id_title", title)
    page.fill("#id_summary", "A walk round the park to plan new benches.")
    page.locator("input[name=kind]").first.check()
    page.fill("#id_day-day", str(day.day))
    page.fill("#id_day-month", str(day.month))
    page.fill("#id_day-year", str(day.year))
    page.fill("#id_starts", "7pm")
    page.fill("#id_ends", "8.30pm")


def test_a_place_is_found_by_typing_and_chosen_by_keyboard(
    page, live_server, axe_source, demo_borough
):
    place = _a_place()
    sign_in(page, live_server.url, ORGANISER)
    page.goto(f"{live_server.url}/gatherings/events/new/")
    box = page.locator("input#id_place")
    box.wait_for()  # the select was enhanced into a text box with the select's id
    assert page.locator("select#id_place-select").count() == 1
    assert not axe_violations(page, axe_source, label="event form with the place picker")
    box.focus()
    page.keyboard.type(place.name[:6])
    option = page.locator(".autocomplete__option", has_text=f"{place.name}, {place.ward.name}")
    option.first.wait_for()
    while page.evaluate("document.activeElement.textContent") != f"{place.name}, {place.ward.name}":
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("select#id_place-select").input_value() == str(place.pk)

    _fill_the_rest(page, "Bench walk with a picker")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="Put the event on").first.click()
    event = Event.objects.get(title="Bench walk with a picker")
    assert event.place_id == place.pk
    starts = event.starts_at.astimezone(datetime.UTC)
    assert (starts.hour, starts.minute) in {(19, 0), (18, 0)}  # 7pm in London, GMT or BST


def test_without_javascript_the_place_is_a_plain_select(
    page_without_javascript, live_server, demo_borough
):
    page = page_without_javascript
    place = _a_place()
    sign_in(page, live_server.url, ORGANISER)
    page.goto(f"{live_server.url}/gatherings/events/new/")
    page.select_option("select#id_place", str(place.pk))
    _fill_the_rest(page, "Bench walk without scripts")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="Put the event on").first.click()
    assert Event.objects.get(title="Bench walk without scripts").place_id == place.pk
