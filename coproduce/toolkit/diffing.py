"""Two versions of a text compared line by line, and word by word within changed lines.

No Django import. `compare(old, new)` gives rows a template shows: each row is a kind
("same", "added", "removed" or "changed") and, for a changed line, the words of each side
marked as kept, added or removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

Word = tuple[str, str]  # (word, "same" | "added" | "removed")


@dataclass
class Row:
    kind: str  # "same", "added", "removed" or "changed"
    old: list[Word] = field(default_factory=list)
    new: list[Word] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")]


def _words(old: str, new: str) -> tuple[list[Word], list[Word]]:
    a, b = old.split(), new.split()
    left: list[Word] = []
    right: list[Word] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            left += [(w, "same") for w in a[i1:i2]]
            right += [(w, "same") for w in b[j1:j2]]
        else:
            left += [(w, "removed") for w in a[i1:i2]]
            right += [(w, "added") for w in b[j1:j2]]
    return left, right


def _marked(line: str, mark: str) -> list[Word]:
    return [(word, mark) for word in line.split()]


def compare(old: str, new: str) -> list[Row]:
    """The rows of the comparison, in the order of the new text."""
    a, b = _lines(old), _lines(new)
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [Row("same", [(line, "same")], [(line, "same")]) for line in a[i1:i2]]
        elif tag == "delete":
            rows += [
                Row("removed", old=[(w, "removed") for w in line.split()]) for line in a[i1:i2]
            ]
        elif tag == "insert":
            rows += [Row("added", new=[(w, "added") for w in line.split()]) for line in b[j1:j2]]
        else:
            old_lines, new_lines = a[i1:i2], b[j1:j2]
            for k in range(max(len(old_lines), len(new_lines))):
                if k < len(old_lines) and k < len(new_lines):
                    left, right = _words(old_lines[k], new_lines[k])
                    rows.append(Row("changed", left, right))
                elif k < len(old_lines):
                    rows.append(Row("removed", old=_marked(old_lines[k], "removed")))
                else:
                    rows.append(Row("added", new=_marked(new_lines[k], "added")))
    return rows


def changed(rows: list[Row]) -> int:
    """How many rows differ."""
    return sum(1 for row in rows if row.kind != "same")
