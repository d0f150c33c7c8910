"""Every template names people through the one rule (people/naming.py), never around it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [ROOT / "templates", *sorted((ROOT / "coproduce").glob("*/templates"))]

# Ways of showing a person that skip the rule: their name field, Django's name methods,
# printing a user object ({{ comment.author }}, {{ rsvp.user }}), or an email as a fallback.
BYPASSES = [
    re.compile(r"[\w.]*\.display_name\b"),
    re.compile(r"get_full_name|get_short_name"),
    re.compile(
        r"\{\{\s*[\w.]*\.(user|author|owner|person|sender|reserved_by|requested_by|"
        r"invited_by|resident|volunteer|moderator|reporter|created_by|added_by)\s*(\|(?!name_to)[^}]*)?\}\}"
    ),
    re.compile(r"\|default:[\w.]*email"),
]

# The person's own settings pages show them their own name, as they typed it.
ALLOWED = {
    "coproduce/accounts/templates/accounts/account.html",
}


def bypasses_in(text: str) -> list[str]:
    """The expressions in a template's text that name a person without the rule."""
    return [match.group(0) for pattern in BYPASSES for match in pattern.finditer(text)]


def _templates():
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".html", ".txt", ".ics", ".xml"} and path.is_file():
                yield path


def test_no_template_names_a_person_around_the_rule():
    """No template prints a name field, a user object or an email in place of a name."""
    found = []
    for path in _templates():
        relative = str(path.relative_to(ROOT))
        if relative in ALLOWED:
            continue
        found += [f"{relative}: {hit}" for hit in bypasses_in(path.read_text())]
    # A skill's display_name is the skill's, not a person's.
    found = [hit for hit in found if "skill.display_name" not in hit]
    assert not found, "Name people with {% name_for %} or |name_to:\n" + "\n".join(found)


def test_the_scan_catches_each_kind_of_bypass():
    """The scan fails on each way of naming someone around the rule, and passes the rule."""
    for bad in [
        "{{ comment.author.display_name }}",
        "{{ owner.user.get_full_name }}",
        "{{ rsvp.user }}",
        "{{ comment.author|default:'x' }}",
        "{{ owner.user.display_name|default:owner.user.email }}",
        "{% blocktranslate with name=reply.sender.display_name %}{{ name }}{% endblocktranslate %}",
    ]:
        assert bypasses_in(bad), bad
    for good in ["{% name_for comment.author %}", "{{ person|name_to:recipient }}"]:
        assert not bypasses_in(good), good
