"""A news post's body, written as plain paragraphs, split into pieces a template can show.

No Django import. Officers write plain text: a blank line starts a new paragraph, a single
line break stays a line break, and a web address starting with http:// or https:// becomes a
link. Nothing the officer writes is ever treated as HTML: templates escape every piece, and
only addresses with those two schemes become links (never `javascript:` or `data:`), so a
post cannot smuggle markup or scripts into the page or the email.

`paragraphs(text)` gives a list of paragraphs; each is a list of lines; each line a list of
`(text, href)` pairs, `href` empty for plain words. Pairs (lists, as JSON keeps them) so a
post's body can travel in a mailing's JSON context unchanged.
"""

from __future__ import annotations

import re

# An address runs to the next space or angle bracket; punctuation that usually ends a
# sentence is left out of the link (see `_trim`).
_ADDRESS = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""
_BLANK_LINE = re.compile(r"\n\s*\n")
MAX_LINK = 2_000  # longer "addresses" are shown as words, not links

Piece = list[str]  # [text, href]
Line = list[Piece]
Paragraph = list[Line]


def _trim(address: str) -> tuple[str, str]:
    """The link and what follows it: "(see https://x.org/a)." links https://x.org/a only."""
    end = len(address)
    while end and address[end - 1] in _TRAILING:
        end -= 1
    # A closing bracket belongs to the address only if the address opened one.
    while end and address[end - 1] == ")" and address[:end].count("(") < address[:end].count(")"):
        end -= 1
    return address[:end], address[end:]


def line_pieces(line: str) -> Line:
    """One line as [text, href] pieces, in order; joined, the texts give the line back."""
    pieces: Line = []
    position = 0
    for match in _ADDRESS.finditer(line):
        link, rest = _trim(match.group(0))
        if len(link) <= len("https://") or len(link) > MAX_LINK:
            continue
        if match.start() > position:
            pieces.append([line[position : match.start()], ""])
        pieces.append([link, link])
        position = match.start() + len(link)
        if rest:
            pieces.append([rest, ""])
            position += len(rest)
    if position < len(line):
        pieces.append([line[position:], ""])
    return _merge(pieces)


def _merge(pieces: Line) -> Line:
    merged: Line = []
    for text, href in pieces:
        if merged and not href and not merged[-1][1]:
            merged[-1] = [merged[-1][0] + text, ""]
        else:
            merged.append([text, href])
    return merged


def paragraphs(text: str) -> list[Paragraph]:
    """The body as paragraphs of lines of pieces; blank paragraphs and lines left out."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    found: list[Paragraph] = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            found.append([line_pieces(line) for line in lines])
    return found


def links(text: str) -> list[str]:
    """Every address the body links to, in order."""
    return [
        href for paragraph in paragraphs(text) for line in paragraph for _t, href in line if href
    ]
