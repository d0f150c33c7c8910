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
    Place.objects.create(
        ward=ward,
        name="Library",
        kind="building",
        latitude=ward.centre_latitude,
        longitude=ward.centre_longitude,
    )
    page.goto(f"{live_server.url}/map/?q=Library")
    marker = page.locator(".leaflet-marker-icon[title='Library']")
    marker.wait_for(timeout=10_000)
    marker.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content").get_by_text("Library").is_visible()
