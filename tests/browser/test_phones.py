"""Phones: at 375 by 812 (a small phone), no key page scrolls sideways.

A page that is wider than the screen makes people scroll left and right to read each line
(WCAG 1.4.10 Reflow). The check is the one a person feels: the document is exactly as wide
as the viewport. Each page that fails is named with the widest things that stick out.
"""

from django.urls import reverse

from coproduce.gatherings.selectors.events import events_upcoming
from coproduce.places.models import Place, Ward
from coproduce.projects.selectors import shown_projects

from .conftest import sign_in

PHONE = {"width": 375, "height": 812}

# What sticks out past the right edge, widest first, to say where to look.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const classes = typeof el.className === "string" ? el.className.trim() : "";
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (classes ? "." + classes.split(/\\s+/).join(".") : "");
      out.push([Math.round(box.right), name]);
    }
  }
  out.sort((a, b) => b[0] - a[0]);
  return out.slice(0, 3).map(([right, name]) => `${name} reaches ${right}px`);
}"""


def key_pages() -> dict[str, str]:
    """The pages a resident is most likely to open on a phone, each with a real example."""
    place = Place.objects.filter(is_listed=True, kind=Place.Kind.BUILDING).order_by("pk").first()
    return {
        "home": reverse("site:home"),
        "map": reverse("maps:map"),
        "project list": reverse("projects:list"),
        "a project": reverse("projects:detail", args=[shown_projects().order_by("pk").first().pk]),
        "events list": reverse("gatherings:list"),
        "an event": reverse("gatherings:event", args=[events_upcoming().first().pk]),
        "groups list": reverse("groups:list"),
        "a place": reverse("places_catalogue:place_detail", args=[place.pk]),
        "a ward": reverse("site:ward_detail", args=[Ward.objects.order_by("name").first().slug]),
        "sign in": reverse("accounts:sign_in"),
    }


def too_wide(page, base_url: str, pages: dict[str, str], *, who: str) -> list[str]:
    problems = []
    for name, path in pages.items():
        response = page.goto(base_url + path)
        if response is None or response.status >= 400:
            problems.append(f"{who}, {name} ({path}): HTTP {response.status if response else '-'}")
            continue
        page.wait_for_load_state("load")
        scroll, viewport = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll != viewport:
            where = "; ".join(page.evaluate(OVERFLOW))
            problems.append(f"{who}, {name} ({path}): {scroll}px wide for {viewport}px: {where}")
    return problems


def test_key_pages_fit_a_phone_screen(browser, live_server, demo_borough):
    """Home, map, projects, a project, events, an event, the time bank, groups, a place, a
    ward and sign-in are exactly as wide as a 375px screen, for a visitor and a resident."""
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        pages = key_pages()
        problems = too_wide(page, live_server.url, pages, who="visitor")
        sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
        assert "/account/sign-in/" not in page.url, "could not sign in as the demo resident"
        signed_in = {**pages, "time bank": reverse("timebank:home")}
        del signed_in["sign in"]
        problems += too_wide(page, live_server.url, signed_in, who="resident")
    finally:
        context.close()
    assert not problems, "Pages wider than a phone:\n" + "\n".join(problems)


def test_the_time_bank_stacks_its_table_on_a_phone(browser, live_server, demo_borough):
    """The time bank's transfers keep every column on a phone, each line with its label."""
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in(page, live_server.url, "resident@demo.northbrook.invalid")
        page.goto(live_server.url + reverse("timebank:home"))
        table = page.get_by_role("table", name="Recent transfers")
        row = table.get_by_role("row").nth(1)  # the first row after the headings
        text = row.inner_text()
        for label in ("Date:", "Who got help:", "Who gave time:", "What for:", "Time:"):
            assert label in text
        # Still a table to screen readers: each cell is named by its column heading.
        assert table.get_by_role("columnheader", name="What for").count() == 1
        assert row.get_by_role("cell").count() >= 6
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width == 375
    finally:
        context.close()
