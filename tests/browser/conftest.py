"""Browser suite: real headless Chromium (Debian's), driven by Playwright, against a live server.

Playwright's sync API runs an event loop in this thread; the tests only touch the database
between browser calls, so Django's async-safety guard is relaxed for this suite alone.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "coproduce-demo"
# The closed network here refuses Chromium's background connections; these flags stop them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium was not found at {CHROMIUM}. Install it (Debian: apt-get install "
            "chromium) or set CHROMIUM_PATH. The browser suite never downloads a browser."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(browser):
    """A page with JavaScript switched off: what people with it off (or failed) get."""
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    # page.evaluate waits for ever where scripts cannot run: axe.py checks a copy instead.
    page.without_javascript = True
    yield page
    context.close()


@pytest.fixture
def axe_source() -> str:
    if not AXE_SOURCE.exists():
        pytest.fail(f"axe-core is missing at {AXE_SOURCE}: run `make test` to install it.")
    return AXE_SOURCE.read_text()


@pytest.fixture
def demo_borough(transactional_db, settings):
    """The small demo borough, with one demo account per role."""
    call_command(
        "seed_demo",
        size="small",
        seed=1,
        no_progress=True,
        demo_password=DEMO_PASSWORD,
        verbosity=0,
    )


def sign_in(page, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base_url}/account/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def fill_date(page, legend: str, day) -> None:
    """Type a day into a GOV.UK date input, found as a person finds it: by its question."""
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose_place(page, label: str, place) -> None:
    """Pick a place in the accessible autocomplete: type part of its name, choose it."""
    shown = f"{place.name}, {place.ward.name}"
    box = page.get_by_label(label)
    box.fill(place.name[:8])
    page.locator(".autocomplete__option", has_text=shown).first.click()
    assert box.input_value() == shown
