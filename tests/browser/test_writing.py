"""Plain-language advice appears beside a field as someone writes, and never blocks saving."""

from playwright.sync_api import expect

from .conftest import sign_in


def test_jargon_gets_a_writing_tip_and_the_form_still_saves(page, live_server, demo_borough):
    """A tip names the hard phrase and a plainer one; the space is saved anyway."""
    sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
    page.goto(f"{live_server.url}/places/unloved/new/")
    page.get_by_label("What is the space?").fill("Empty shop")
    page.get_by_label("Which ward is it in?").select_option(index=1)
    page.get_by_label("What is wrong with it now?").fill(
        "It should be utilised by embedding community decisions into the procurement process."
    )
    tip = page.locator(".coproduce-plain-language").first
    tip.wait_for(state="visible", timeout=10_000)
    assert "procurement process" in tip.inner_text()
    page.get_by_role("button", name="Flag the space").click()
    page.wait_for_url("**/places/*/")
    expect(page.get_by_role("heading", name="Empty shop")).to_be_visible()
