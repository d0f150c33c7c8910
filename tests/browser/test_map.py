"""The asset map in a real browser: markers drawn from the API, and a list that matches."""

from playwright.sync_api import expect

from coproduce.places.models import Place, Ward

from .axe import axe_violations


def test_map_draws_markers_without_tiles(page, live_server, demo_borough):
    """With no tile server reachable, the map still shows a marker for each place or cluster."""
    ward = Ward.objects.order_by("name").first()
    for n in range(3):
        Place.objects.create(
            ward=ward,
            name=f"Hall {n}",
            kind="building",
            latitude=ward.centre_latitude + n * 0.01,
            longitude=ward.centre_longitude,
        )
    page.goto(f"{live_server.url}/map/?q=Hall+")
    page.wait_for_selector(".leaflet-marker-icon", timeout=10_000)
    assert page.locator(".leaflet-marker-icon").count() >= 1
    expect(page.get_by_role("link", name="Hall 0")).to_be_visible()


def test_map_markers_can_be_reached_by_keyboard(page, live_server, demo_borough):
    """Markers can be focused with the keyboard and open their popup with Enter."""
    ward = Ward.objects.order_by("name").first()
    # A name nothing in the demo shares (a chosen project is about "the library"), so the
    # search finds one marker, not a cluster.
    Place.objects.create(
        ward=ward,
        name="Larkspur Reading Room",
        kind="building",
        latitude=ward.centre_latitude,
        longitude=ward.centre_longitude,
    )
    page.goto(f"{live_server.url}/map/?q=Larkspur")
    marker = page.locator(".leaflet-marker-icon[title='Larkspur Reading Room']")
    marker.wait_for(timeout=10_000)
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    expect(popup.get_by_text("Larkspur Reading Room")).to_be_visible()


def _tab_to(page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with the Tab key")


def test_filters_work_with_the_keyboard_alone_and_the_list_matches_the_map(
    page, live_server, demo_borough
):
    """Tab, type, Space and Enter filter the map; the list then names what the API returns."""
    ward = Ward.objects.order_by("name").first()
    for n, step_free in enumerate([True, True, False]):
        Place.objects.create(
            ward=ward,
            name=f"Keyboard Hall {n}",
            kind="building",
            step_free=step_free,
            latitude=ward.centre_latitude + n * 0.002,
            longitude=ward.centre_longitude,
        )
    page.goto(f"{live_server.url}/map/")
    _tab_to(page, "map-q")
    page.keyboard.type("Keyboard Hall")
    _tab_to(page, "map-step-free")
    page.keyboard.press("Space")
    _tab_to(page, "map-skill")
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    page.wait_for_url("**step_free=1**")
    listed = page.locator("table.govuk-table tbody tr td:first-child a").all_inner_texts()
    assert sorted(listed) == ["Keyboard Hall 0", "Keyboard Hall 1"]
    lat, lon = ward.centre_latitude, ward.centre_longitude
    bbox = f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"
    api = page.request.get(
        f"{live_server.url}/api/map/features?bbox={bbox}&zoom=18&layers=places"
        "&q=Keyboard+Hall&step_free=1"
    ).json()
    assert sorted(f["properties"]["name"] for f in api["features"]) == sorted(listed)


def _cluster_of_halls(name: str, count: int = 4) -> None:
    """Places so close together that the map groups them into one numbered circle."""
    ward = Ward.objects.order_by("name").first()
    for n in range(count):
        Place.objects.create(
            ward=ward,
            name=f"{name} {n}",
            kind="building",
            latitude=ward.centre_latitude,
            longitude=ward.centre_longitude + 0.003,
        )


def test_cluster_numbers_sit_in_the_middle_of_their_circles(page, live_server, demo_borough):
    """The number of a cluster is centred in its circle, across and down (within a pixel)."""
    _cluster_of_halls("Quillwort Hall")
    page.goto(f"{live_server.url}/map/?q=Quillwort&layers=places")
    cluster = page.locator(".leaflet-marker-icon.coproduce-marker--cluster").first
    cluster.wait_for(timeout=10_000)
    assert int(cluster.inner_text()) >= 2
    assert cluster.evaluate("el => getComputedStyle(el).display") == "flex"
    circle = cluster.bounding_box()
    number = cluster.locator("span").bounding_box()
    circle_x, circle_y = circle["x"] + circle["width"] / 2, circle["y"] + circle["height"] / 2
    number_x, number_y = number["x"] + number["width"] / 2, number["y"] + number["height"] / 2
    assert abs(circle_x - number_x) <= 1, (circle, number)
    assert abs(circle_y - number_y) <= 1, (circle, number)
    # The circle is the size Leaflet was told (32px), so its anchor is its middle.
    assert (circle["width"], circle["height"]) == (32, 32)


def test_the_map_has_a_key_that_names_every_kind_of_marker(page, live_server, demo_borough):
    """A key near the map, named for screen readers, says what each letter and shape means."""
    page.goto(f"{live_server.url}/map/")
    page.wait_for_selector(".leaflet-marker-icon", timeout=10_000)
    key = page.get_by_role("region", name="What the map symbols mean")
    expect(key).to_be_visible()
    items = key.get_by_role("listitem").all_inner_texts()
    assert len(items) == 6
    text = " ".join(items)
    for words in ("P: a place", "I: a project or idea", "G: a group", "S: a service"):
        assert words in text
    assert "square" in text and "thick edge" in text  # shapes, not colour alone
    # The key sits right under the map.
    map_box = page.locator("#asset-map").bounding_box()
    key_box = key.bounding_box()
    assert 0 <= key_box["y"] - (map_box["y"] + map_box["height"]) < 60
    # The letters in the key are the letters on the map.
    page.goto(f"{live_server.url}/map/?layers=groups")
    page.wait_for_selector(".leaflet-marker-icon.coproduce-marker--groups", timeout=10_000)
    singles = page.locator(
        ".leaflet-marker-icon.coproduce-marker--groups:not(.coproduce-marker--cluster)"
    )
    assert set(singles.all_inner_texts()) <= {"G"}


def test_the_map_page_passes_axe_with_tiles_and_an_attribution_link(
    page, live_server, axe_source, demo_borough, settings
):
    """With tiles and a linked attribution, axe finds nothing, and the links are underlined."""
    # Every tile is a small image this server has, so nothing reaches out to the internet.
    settings.MAP_TILE_URL = (
        f"{live_server.url}/static/coproduce/images/favicon.svg?t={{z}}-{{x}}-{{y}}"
    )
    settings.MAP_TILE_ATTRIBUTION = (
        '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    )
    page.goto(f"{live_server.url}/map/")
    page.wait_for_selector(".leaflet-marker-icon", timeout=10_000)
    page.wait_for_selector(".leaflet-tile-loaded", timeout=10_000)
    links = page.locator(".leaflet-control-attribution a")
    assert links.count() == 2  # Leaflet, and OpenStreetMap
    for decoration in links.evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    ):
        assert "underline" in decoration
    violations = axe_violations(page, axe_source, label="/map/")
    assert not violations, "\n".join(str(v) for v in violations)


def test_without_javascript_the_page_talks_about_the_list_not_zooming(
    page_without_javascript, live_server, demo_borough
):
    """With no map there is no talk of zooming or a key: the page says what the list offers."""
    page = page_without_javascript
    page.goto(f"{live_server.url}/map/")
    main = page.locator("main").inner_text()
    assert "zoom" not in main.lower()
    assert "What the map symbols mean" not in main
    assert "The list below shows the places, projects, groups and services" in main
    # The filters are open: there is no map to put first.
    assert page.locator("details.coproduce-map-filters").get_attribute("open") is not None
    expect(page.locator("#map-q")).to_be_visible()


def test_on_a_phone_the_map_comes_first_and_the_filters_fold(browser, live_server, demo_borough):
    """At 375px the map is above the folded filters, they open on a tap, and nothing is wider
    than the screen."""
    context = browser.new_context(locale="en-GB", viewport={"width": 375, "height": 812})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/map/")
        page.wait_for_selector(".leaflet-marker-icon", timeout=10_000)
        filters = page.locator("details.coproduce-map-filters")
        assert filters.get_attribute("open") is None
        search = page.locator("#map-q")
        expect(search).to_be_hidden()
        map_box = page.locator("#asset-map").bounding_box()
        summary_box = page.get_by_text("Filter the map", exact=True).bounding_box()
        assert map_box["y"] + map_box["height"] <= summary_box["y"]
        assert map_box["y"] < 812  # the map starts on the first screen
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] == width[1] == 375
        page.get_by_text("Filter the map", exact=True).click()
        expect(search).to_be_visible()
    finally:
        context.close()


def test_a_filter_error_keeps_the_filters_open_on_a_phone(browser, live_server, demo_borough):
    """A filter to fix is never folded away."""
    context = browser.new_context(locale="en-GB", viewport={"width": 375, "height": 812})
    page = context.new_page()
    try:
        response = page.goto(f"{live_server.url}/map/?q={'x' * 150}")
        assert response.status == 400
        page.wait_for_selector(".leaflet-container", timeout=10_000)
        assert page.locator("details.coproduce-map-filters").get_attribute("open") is not None
        expect(page.locator("#map-q")).to_be_visible()
    finally:
        context.close()
