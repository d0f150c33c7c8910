"""The axe helper finds problems on pages opened with JavaScript off as well as on."""

import pytest

from .axe import axe_violations

BROKEN = (
    "<!doctype html><html lang='en'><head><title>Broken</title></head>"
    "<body><main><h1>Broken</h1><img src='/nothing.png'></main></body></html>"
)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_image_without_words_is_found(request, live_server, axe_source, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_javascript")
    url = f"{live_server.url}/a-page-for-axe/"
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=BROKEN))
    page.goto(url)
    rules = {v.rule for v in axe_violations(page, axe_source, label="broken")}
    assert "image-alt" in rules
