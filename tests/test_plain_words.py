"""Every string the interface shows, read by the same plain-language checker residents and
officers see when they write (`common.plain_language`).

The strings are those marked for translation in the code and the templates (not tests,
migrations, the demo borough or management commands). Together they must read at a reading
age of 9 or below; none may use a word the checker flags as jargon, except the few named
below; and no sentence may run past 25 words."""

import ast
import re
from pathlib import Path

from coproduce.common.plain_language import advise, reading_age

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = ("/tests/", "/migrations/", "/demo/", "/management/")
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}
TRANSLATE_TAG = re.compile(r'\{%\s*(?:translate|trans)\s+"([^"]+)"')
BLOCK = re.compile(
    r"\{%\s*blocktrans(?:late)?\b[^%]*%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|<[^>]+>")

# Words the checker flags that are kept on purpose, each the name of a thing people will meet
# by that name elsewhere: the methods the source texts use, the site's own name, and the
# words on a venue's sign.
NAMED_THINGS = {
    "action learning set": "a method from the source texts, explained where sets are listed",
    "agenda": "Open Space and action learning sets have agendas by that name",
    "coproduce": "the name of the website",
    "coproduction": "the name of the way of working the site is for",
    "assistance": "'Assistance dogs welcome' is the wording on venues' signs",
    "key": "authenticator apps call the setup code a key",
}


def _python_strings(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in GETTEXT:
            args = node.args[1:] if node.func.id.startswith("p") else node.args
            if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                yield args[0].value


def _template_strings(path: Path):
    text = path.read_text()
    yield from TRANSLATE_TAG.findall(text)
    for block in BLOCK.findall(text):
        yield re.sub(r"\{%\s*plural\s*%\}.*", "", block, flags=re.S)


def interface_strings() -> dict[str, str]:
    """Each string, as a reader would see it (placeholders read as "it"), and where it is."""
    found: dict[str, str] = {}
    paths = [*ROOT.glob("coproduce/**/*.py")]
    templates = [*ROOT.glob("coproduce/**/templates/**/*.*"), *ROOT.glob("templates/**/*.*")]
    for path in paths + templates:
        if any(part in str(path) for part in LEFT_OUT):
            continue
        reader = _python_strings if path.suffix == ".py" else _template_strings
        if path.suffix not in {".py", ".html", ".txt"}:
            continue
        for text in reader(path):
            # Line breaks stay: a line of its own (a link, a heading) ends a sentence.
            readable = re.sub(r"[ \t]+", " ", PLACEHOLDER.sub("it", text)).strip()
            found.setdefault(readable, str(path.relative_to(ROOT)))
    return found


def test_the_interface_is_read_from_thousands_of_strings():
    """A guard on the reader itself: if it stopped finding strings, the checks would pass."""
    strings = interface_strings()
    assert len(strings) > 3000
    assert "Put the event on" in strings


def test_the_interface_reads_at_a_reading_age_of_9_or_below():
    sentences = [
        text.rstrip(".!?:") + "."
        for text in interface_strings()
        if len(re.findall(r"[A-Za-z]+", text)) >= 6
    ]
    assert reading_age("\n".join(sentences)) <= 9


def test_no_jargon_and_no_long_sentences():
    problems = []
    for text, where in interface_strings().items():
        for flag in advise(text).flags:
            if flag.kind == "jargon" and flag.text.lower() in NAMED_THINGS:
                continue
            problems.append(f"{where}: {flag.message} ({text[:80]})")
    assert not problems, "\n".join(problems)
