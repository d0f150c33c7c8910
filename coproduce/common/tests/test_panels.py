import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from coproduce.common import panels


def test_an_unknown_page_is_refused():
    """Registering for a page nobody renders is a mistake caught at start-up."""
    with pytest.raises(ValueError, match="No page called 'nowhere'"):
        panels.register("nowhere", lambda thing, request: "")


def test_the_tag_renders_panels_in_order_and_skips_empty_ones(monkeypatch):
    """Each panel with something to say shows, in the order registered; HTML is kept."""
    monkeypatch.setitem(panels._panels, "ward", [])
    panels.register("ward", lambda thing, request: mark_safe(f"<p>first {thing}</p>"))
    panels.register("ward", lambda thing, request: "")
    panels.register("ward", lambda thing, request: mark_safe("<p>second</p>"))
    html = Template('{% load panels %}{% panels "ward" thing %}').render(
        Context({"thing": "Riverside", "request": RequestFactory().get("/")})
    )
    assert html == "<p>first Riverside</p><p>second</p>"


def test_registering_twice_adds_once(monkeypatch):
    """ready() may run more than once; a panel still shows once."""
    monkeypatch.setitem(panels._panels, "event", [])

    def panel(thing, request):
        return "x"

    panels.register("event", panel)
    panels.register("event", panel)
    assert panels.panels_for("event", None, None) == ["x"]
