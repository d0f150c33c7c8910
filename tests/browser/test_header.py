"""The page header: the search box fits, and no link in the header breaks over two lines,
at a desktop width (1280 px) and on a small phone (375 px), signed out and signed in."""

from .conftest import sign_in

WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}

# Header and section links drawn on more than one line, and whether the page is wider
# than the screen.
MEASURE = """() => {
  const broken = [];
  for (const el of document.querySelectorAll(
      ".coproduce-header a, .coproduce-header button, .govuk-service-navigation__link")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && el.getClientRects().length > 1) broken.push(el.textContent.trim());
  }
  const search = document.querySelector("#header-search").getBoundingClientRect();
  return {
    broken,
    tooWide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    searchWidth: Math.round(search.width),
    searchRight: Math.round(search.right),
    viewport: document.documentElement.clientWidth,
  };
}"""


def test_header_fits_with_the_search_box(browser, live_server, demo_borough):
    """At 1280 and 375 px, signed out and signed in with the most sections: no header or
    section link wraps, the page does not scroll sideways, and the search box is wide
    enough to type a few words."""
    problems = []
    for role in (None, "resident", "administrator"):
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        if role:
            sign_in(page, live_server.url, f"{role}@demo.northbrook.invalid")
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            page.goto(f"{live_server.url}/")
            got = page.evaluate(MEASURE)
            if got["broken"] or got["tooWide"] or got["searchWidth"] < 150:
                problems.append(f"{role or 'visitor'} at {width}: {got}")
            if got["searchRight"] > got["viewport"]:
                problems.append(f"{role or 'visitor'} at {width}: search box off screen {got}")
        context.close()
    assert not problems, "\n".join(problems)


def test_search_from_the_header_without_javascript(
    page_without_javascript, live_server, demo_borough
):
    """The header's search box works with JavaScript off and lands on grouped results."""
    from django.core.management import call_command

    call_command("search_rebuild", verbosity=0)
    page = page_without_javascript
    page.goto(f"{live_server.url}/")
    page.get_by_label("Search projects, events, places and more").fill("hall")
    page.get_by_role("button", name="Search", exact=True).first.click()
    page.wait_for_load_state()
    assert "/search/?q=hall" in page.url
    assert page.locator("h1").count() == 1
    assert page.get_by_text("We found").count() == 1
