"""Exchange flows with the keyboard only: Tab to move, type, Space to choose, Enter to send."""

from coproduce.timebank.models import Account, Transfer

from .conftest import sign_in

DEMO = "@demo.northbrook.invalid"


def _tab_to(page, element_id: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with the Tab key")


def _focused_text(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.innerText") or ""


def _press_button(page, text: str, limit: int = 40) -> None:
    """Tab until the button reading `text` has focus, then press Enter and wait for the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused_text(page).strip() == text:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"could not reach the {text!r} button with the Tab key")


def test_time_given_is_recorded_and_confirmed_with_the_keyboard(page, live_server, demo_borough):
    """A resident records an hour given; the other side confirms it; both by keyboard."""
    resident = Account.objects.get(user__email=f"resident{DEMO}")
    organiser = Account.objects.get(user__email=f"organiser{DEMO}")
    before = resident.balance
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/time-bank/transfers/new/")
    _tab_to(page, "id_direction_0" if page.locator("#id_direction_0").count() else "id_direction")
    page.keyboard.press("Space")
    _tab_to(page, "id_other")
    page.keyboard.type(organiser.number)
    _tab_to(page, "id_hours")
    page.keyboard.type("1")
    _tab_to(page, "id_description")
    page.keyboard.type("Mended a puncture for Zephyr")
    _press_button(page, "Continue")
    # The check page repeats what will be sent before anything is recorded.
    assert "Check before you send" in page.inner_text("h1")
    assert not Transfer.objects.filter(description="Mended a puncture for Zephyr").exists()
    _press_button(page, "Ask them to confirm")
    transfer = Transfer.objects.get(description="Mended a puncture for Zephyr")
    assert transfer.status == "pending"

    page.context.clear_cookies()
    sign_in(page, live_server.url, f"organiser{DEMO}")
    page.goto(f"{live_server.url}/time-bank/transfers/pending/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if _focused_text(page).startswith("Confirm") and "Zephyr" in _focused_text(page):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    transfer.refresh_from_db()
    assert transfer.status == "posted"
    resident.refresh_from_db()
    assert resident.balance == before + 60


def test_a_room_is_requested_with_the_keyboard(page, live_server, demo_borough):
    """A resident asks for a room by keyboard alone; the request is stored for the manager."""
    import datetime

    from coproduce.bookings.models import AvailabilityWindow, Booking

    window = AvailabilityWindow.objects.order_by("pk").first()
    room = window.room or window.space.rooms.order_by("pk").first()
    day = datetime.date.today() + datetime.timedelta(days=60)
    while day.weekday() not in window.weekdays:
        day += datetime.timedelta(days=1)
    starts = window.opens
    ends = (datetime.datetime.combine(day, starts) + datetime.timedelta(hours=1)).time()
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/bookings/rooms/{room.pk}/request/")
    # The GOV.UK date input: day, month and year in three boxes, in that order.
    _tab_to(page, "id_day-day")
    page.keyboard.type(str(day.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(day.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(day.year))
    _tab_to(page, "id_starts")
    page.keyboard.type(starts.strftime("%H:%M"))
    _tab_to(page, "id_ends")
    page.keyboard.type(ends.strftime("%H:%M"))
    _tab_to(page, "id_purpose")
    page.keyboard.type("Zephyr residents' meeting")
    for _ in range(8):
        page.keyboard.press("Tab")
        if "Send request" in _focused_text(page):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    booking = Booking.objects.get(purpose="Zephyr residents' meeting")
    assert booking.room == room
    assert booking.status in {"requested", "confirmed"}


def test_an_offered_item_is_reserved_with_the_keyboard(page, live_server, demo_borough):
    """A resident reaches the Reserve button by Tab and reserves with Enter."""
    from coproduce.sharing.models import Item

    item = (
        Item.objects.filter(kind="offered", status="available")
        .exclude(posted_by__email=f"resident{DEMO}")
        .order_by("pk")
        .first()
    )
    sign_in(page, live_server.url, f"resident{DEMO}")
    page.goto(f"{live_server.url}/sharing/items/{item.pk}/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if "Reserve it" in _focused_text(page):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    item.refresh_from_db()
    assert item.status == "reserved"
