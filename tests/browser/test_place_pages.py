"""A place's page and a ward's page in a real browser: the small map, and axe."""

from playwright.sync_api import expect

from coproduce.places.models import Place
from coproduce.places.tests.panels import place_panels

from .axe import axe_violations


def _busy_place() -> Place:
    # The demo place with most events, so its page shows the "what happens here" sections.
    return (
        Place.objects.filter(is_listed=True, kind="building", events__isnull=False)
        .order_by("pk")
        .first()
    )


def test_place_page_draws_its_small_map(page, live_server, demo_borough, axe_source):
    """With JavaScript, the small map appears with one marker; axe finds nothing."""
    place = _busy_place()
    with place_panels():
        page.goto(f"{live_server.url}/places/{place.pk}/")
        page.wait_for_selector("#place-map .coproduce-marker", timeout=10_000)
        expect(page.locator("#place-map")).to_be_visible()
        expect(page.get_by_role("heading", name="Events coming up here")).to_be_visible()
        assert axe_violations(page, axe_source, label="place page") == []


def test_place_page_without_javascript_says_where_in_words(
    page_without_javascript, live_server, demo_borough
):
    """Without JavaScript there is no empty map box; the ward and the big map's link remain."""
    place = _busy_place()
    page = page_without_javascript
    page.goto(f"{live_server.url}/places/{place.pk}/")
    expect(page.locator("#place-map")).to_be_hidden()
    expect(page.get_by_role("link", name=f"See {place.ward.name} on the big map")).to_be_visible()


def test_ward_page_has_no_axe_violations(page, live_server, demo_borough, axe_source):
    """A demo ward's page, with its sections, passes axe."""
    ward = _busy_place().ward
    page.goto(f"{live_server.url}/wards/{ward.slug}/")
    expect(page.get_by_role("heading", name=ward.name, level=1)).to_be_visible()
    assert axe_violations(page, axe_source, label="ward page") == []
