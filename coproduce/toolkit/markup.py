"""A guide's words, written in a small plain-text markup, split into blocks a template shows.

No Django import. Nothing written is ever treated as HTML: templates escape every piece.

- a line starting "## " is a heading;
- lines starting "- " make a list with bullets; lines starting "1. ", "2. " a numbered list;
- any other lines are a paragraph; a blank line ends a paragraph or a list;
- a web address starting with http:// or https:// becomes a link (no other scheme does).

`blocks(text)` gives a list of `Block`s: kind "heading", "paragraph", "bullets" or "steps",
and `items`, each a list of `(text, href)` pieces, href empty for plain words. A heading and
a paragraph have one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ADDRESS = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\")"
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
MAX_LINK = 2_000

Piece = tuple[str, str]


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "bullets" or "steps"
    items: list[list[Piece]] = field(default_factory=list)


def pieces(line: str) -> list[Piece]:
    """One line as (text, href) pieces; joined, the texts give the line back."""
    found: list[Piece] = []
    position = 0
    for match in _ADDRESS.finditer(line):
        link = match.group(0).rstrip(_TRAILING)
        if len(link) <= len("https://") or len(link) > MAX_LINK:
            continue
        if match.start() > position:
            found.append((line[position : match.start()], ""))
        found.append((link, link))
        position = match.start() + len(link)
    if position < len(line):
        found.append((line[position:], ""))
    return found


def _kind_of(line: str) -> tuple[str, str]:
    if line.startswith("## "):
        return "heading", line[3:].strip()
    if line.startswith(("- ", "* ")):
        return "bullets", line[2:].strip()
    numbered = _NUMBERED.match(line)
    if numbered:
        return "steps", line[numbered.end() :].strip()
    return "paragraph", line


def blocks(text: str) -> list[Block]:
    """The text as headings, paragraphs and lists, in order."""
    found: list[Block] = []
    open_block: Block | None = None
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            found.append(Block("paragraph", [pieces(" ".join(paragraph))]))
            paragraph.clear()

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            end_paragraph()
            open_block = None
            continue
        kind, words = _kind_of(line)
        if kind == "paragraph":
            if open_block is not None and open_block.kind in ("bullets", "steps"):
                # A line under a list item carries on that item.
                last = open_block.items[-1]
                open_block.items[-1] = [*last, (" " + words, "")]
                continue
            paragraph.append(words)
            continue
        end_paragraph()
        if kind == "heading":
            found.append(Block("heading", [pieces(words)]))
            open_block = None
        elif open_block is not None and open_block.kind == kind:
            open_block.items.append(pieces(words))
        else:
            open_block = Block(kind, [pieces(words)])
            found.append(open_block)
    end_paragraph()
    return found


def plain_text(text: str) -> str:
    """The words alone, one sentence-ending line per block item, for reading-age checks."""
    lines = []
    for block in blocks(text):
        for item in block.items:
            words = "".join(piece for piece, _href in item).strip()
            if words and words[-1] not in ".!?":
                words += "."
            lines.append(words)
    return "\n".join(lines)
