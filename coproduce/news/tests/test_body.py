import subprocess
import sys

from coproduce.news.body import line_pieces, links, paragraphs


def test_blank_lines_split_paragraphs_and_single_breaks_stay_lines():
    """A blank line starts a paragraph; a single line break is a line within it."""
    text = "First line\nsecond line\n\n\nNext paragraph"
    assert paragraphs(text) == [
        [[["First line", ""]], [["second line", ""]]],
        [[["Next paragraph", ""]]],
    ]


def test_windows_line_ends_split_the_same_way():
    """Text typed on Windows (\\r\\n) splits into the same paragraphs."""
    assert paragraphs("One\r\n\r\nTwo") == paragraphs("One\n\nTwo")


def test_https_addresses_become_links_without_the_full_stop_after_them():
    """An address at the end of a sentence links without the full stop."""
    assert line_pieces("See https://example.org/bins.") == [
        ["See ", ""],
        ["https://example.org/bins", "https://example.org/bins"],
        [".", ""],
    ]


def test_brackets_around_an_address_stay_outside_the_link():
    """(see https://x.org/a) links https://x.org/a, and keeps the brackets as words."""
    pieces = line_pieces("(see https://x.org/a)")
    assert ["https://x.org/a", "https://x.org/a"] in pieces
    assert "".join(text for text, _ in pieces) == "(see https://x.org/a)"


def test_only_web_addresses_become_links():
    """javascript:, data: and bare words never become links."""
    text = "javascript:alert(1) data:text/html,<b>x</b> www.example.org"
    assert links(text) == []


def test_markup_stays_words():
    """HTML in the body is kept as text for the template to escape, never as a link."""
    assert line_pieces('<a href="https://evil.example">x</a>') == [
        ['<a href="', ""],
        ["https://evil.example", "https://evil.example"],
        ['">x</a>', ""],
    ]


def test_an_address_with_nothing_after_the_scheme_is_not_a_link():
    """ "https://" alone is words."""
    assert links("Go to https:// now") == []


def test_the_module_imports_no_django():
    """body.py is pure: importing it brings in no Django."""
    code = "import sys, coproduce.news.body; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
