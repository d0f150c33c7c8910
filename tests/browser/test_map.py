"""The asset map in a real browser: markers drawn from the API, and a list that matches."""

from coproduce.places.models import Place, Ward


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
    page.wait_for_selector(".coproduce-marker", timeout=10_000)
    assert page.locator(".leaflet-marker-icon").count() >= 1
    assert page.get_by_role("link", name="Hall 0").is_visible()


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
    assert popup.get_by_text("Larkspur Reading Room").is_visible()


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
