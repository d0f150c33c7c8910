import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from coproduce.common import panels
from coproduce.places.models import Ward


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


@pytest.mark.django_db
def test_a_marked_panel_is_called_only_when_its_rows_exist(monkeypatch, django_assert_num_queries):
    """Every marked panel's question is asked in one query; a panel with no rows is not called
    at all, one with rows is, and an unmarked panel always is."""
    riverside = Ward.objects.create(name="Riverside", slug="riverside")
    Ward.objects.create(name="Hazel", slug="hazel")
    monkeypatch.setitem(panels._panels, "ward", [])
    called = []

    def panel(name, rows):
        @panels.shown_if(rows)
        def marked(thing, request):
            called.append(name)
            return name

        return marked

    panels.register("ward", panel("none", lambda ward: Ward.objects.filter(slug="nowhere")))
    panels.register("ward", panel("itself", lambda ward: Ward.objects.filter(pk=ward.pk)))
    panels.register("ward", lambda thing, request: "always")
    panels.register("ward", panel("others", lambda ward: Ward.objects.exclude(pk=ward.pk)))
    with django_assert_num_queries(1):
        shown = panels.panels_for("ward", riverside, None)
    assert shown == ["itself", "always", "others"]
    assert called == ["itself", "others"]


@pytest.mark.django_db
def test_marked_panels_show_nothing_for_a_thing_gone_from_the_database(monkeypatch):
    """Deleted between the page's read and the panels: nothing to ask about, nothing shown."""
    ward = Ward.objects.create(name="Riverside", slug="riverside")
    monkeypatch.setitem(panels._panels, "ward", [])
    panels.register("ward", panels.shown_if(lambda w: Ward.objects.all())(lambda t, r: "x"))
    Ward.objects.filter(pk=ward.pk).delete()
    assert panels.panels_for("ward", ward, None) == []
