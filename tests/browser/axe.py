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


def axe_violations(page, axe_source: str, *, label: str) -> list[Violation]:
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
