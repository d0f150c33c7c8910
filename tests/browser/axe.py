"""Run axe-core in the page and describe what it finds in a way a developer can act on."""

from dataclasses import dataclass

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page}: [{self.impact}] {self.rule}: {self.help} at {', '.join(self.targets)}"


def _is_script(url: str) -> bool:
    return url.split("?", 1)[0].endswith((".js", ".mjs"))


def _axe_on_a_copy(page, axe_source: str, *, label: str) -> list[Violation]:
    """A page with JavaScript off cannot run axe: check the same HTML, at the same address and
    with the same styles, in a page that may run axe but loads none of the site's scripts, so
    what is checked is what a person without JavaScript gets."""
    url, html = page.url, page.content()
    context = page.context.browser.new_context(locale="en-GB")
    try:
        copy = context.new_page()
        copy.route(_is_script, lambda route: route.abort())
        copy.route(
            url,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        copy.goto(url)
        return axe_violations(copy, axe_source, label=label)
    finally:
        context.close()


def axe_violations(page, axe_source: str, *, label: str) -> list[Violation]:
    if getattr(page, "without_javascript", False):
        return _axe_on_a_copy(page, axe_source, label=label)
    # page.evaluate is not bound by the page's Content-Security-Policy, so axe runs as is.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        Violation(
            page=label,
            rule=v["id"],
            impact=v.get("impact") or "",
            help=v["help"],
            targets=tuple(" ".join(n["target"]) for n in v["nodes"][:5]),
        )
        for v in result["violations"]
    ]
