"""Read a Pol.is export folder (no Django).

A Pol.is export holds `votes.csv` (timestamp, datetime, comment-id, voter-id, vote: 1 agree,
-1 disagree, 0 pass) and `comments.csv` (comment-id, moderated, ...: moderated -1 means a
moderator took the comment out, and Pol.is leaves it out of the maths), and sometimes
`participants-votes.csv` (participant, group-id, ...: the group Pol.is gave each participant).

Votes are returned in the order they were cast (by timestamp; a file's order breaks ties), so
that the last vote of a participant on a comment is the one that counts. Anything wrong raises
PolisError naming the file and the line.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

VOTES = "votes.csv"
COMMENTS = "comments.csv"
PARTICIPANTS = "participants-votes.csv"
VOTE_COLUMNS = ("comment-id", "voter-id", "vote")
COMMENT_COLUMNS = ("comment-id",)
GROUP_COLUMNS = ("participant", "group-id")


class PolisError(ValueError):
    """A problem with an export, in plain words, naming the file and line."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path = path
        self.line = line
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class PolisExport:
    """Votes as parallel arrays in casting order, and which comments are moderated out."""

    participants: np.ndarray
    statements: np.ndarray
    values: np.ndarray
    voters: list[int]  # every voter id in votes.csv, ascending
    comments: list[int]  # every comment id in comments.csv
    moderated_out: frozenset[int] = field(default_factory=frozenset)
    meta: frozenset[int] = field(default_factory=frozenset)

    @property
    def excluded(self) -> frozenset[int]:
        """Comments Pol.is leaves out of the maths: those moderated out. (Meta comments, about
        the conversation itself, stay in: Pol.is zeroes only moderated-out columns.)"""
        return self.moderated_out


def _rows(path: Path, required: tuple[str, ...]):
    """Yield (line number, row dict) from a CSV file with a header naming `required`."""
    if not path.exists():
        raise PolisError(path, "there is no such file.")
    if path.is_dir():
        raise PolisError(path, "this is a folder, not a file.")
    try:
        file = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise PolisError(path, f"cannot be opened ({error.strerror}).") from error
    with file:
        reader = csv.reader(file)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as error:
            raise PolisError(path, f"cannot be read as CSV ({error}).", 1) from error
        if header is None or not any(cell.strip() for cell in header):
            raise PolisError(path, "the file is empty.", 1)
        names = [cell.strip() for cell in header]
        missing = [column for column in required if column not in names]
        if missing:
            raise PolisError(
                path,
                "the header row must name the columns "
                + ", ".join(required)
                + f"; it has no {', '.join(missing)}.",
                1,
            )
        line = reader.line_num
        try:
            for cells in reader:
                start, line = line + 1, reader.line_num
                if not cells or not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(names):
                    raise PolisError(
                        path, f"expected {len(names)} values but found {len(cells)}.", start
                    )
                yield start, dict(zip(names, cells, strict=True))
        except (csv.Error, UnicodeDecodeError) as error:
            raise PolisError(path, f"cannot be read as CSV ({error}).", line + 1) from error


def _whole(path: Path, line: int, row: dict, column: str) -> int:
    text = row[column].strip()
    try:
        return int(text)
    except ValueError:
        raise PolisError(path, f"{column} must be a whole number, not {text!r}.", line) from None


def read_votes(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Participants, comments and values from votes.csv, in the order they were cast."""
    participants: list[int] = []
    statements: list[int] = []
    values: list[int] = []
    stamps: list[int] = []
    has_time = True
    for line, row in _rows(path, VOTE_COLUMNS):
        statements.append(_whole(path, line, row, "comment-id"))
        participants.append(_whole(path, line, row, "voter-id"))
        vote = _whole(path, line, row, "vote")
        if vote not in (-1, 0, 1):
            raise PolisError(
                path, f"vote must be 1 (agree), -1 (disagree) or 0 (pass), not {vote}.", line
            )
        values.append(vote)
        stamp = row.get("timestamp", "").strip()
        if has_time and stamp.lstrip("-").isdigit():
            stamps.append(int(stamp))
        else:
            has_time = False
    if not values:
        raise PolisError(path, "there are no votes in the file.")
    order = (
        np.argsort(np.asarray(stamps, dtype=np.int64), kind="stable")
        if has_time
        else np.arange(len(values))
    )
    return (
        np.asarray(participants, dtype=np.int64)[order],
        np.asarray(statements, dtype=np.int64)[order],
        np.asarray(values, dtype=np.int8)[order],
    )


def read_comments(path: Path) -> tuple[list[int], frozenset[int], frozenset[int]]:
    """Comment ids, those moderated out (moderated = -1) and meta ones (is-meta = true)."""
    ids: list[int] = []
    out: set[int] = set()
    meta: set[int] = set()
    for line, row in _rows(path, COMMENT_COLUMNS):
        comment = _whole(path, line, row, "comment-id")
        ids.append(comment)
        moderated = (row.get("moderated") or "0").strip()
        if moderated not in ("-1", "0", "1"):
            raise PolisError(path, f"moderated must be -1, 0 or 1, not {moderated!r}.", line)
        if moderated == "-1":
            out.add(comment)
        if (row.get("is-meta") or "").strip().lower() == "true":
            meta.add(comment)
    return ids, frozenset(out), frozenset(meta)


def read_export(folder: Path | str) -> PolisExport:
    """Read votes.csv and comments.csv from a Pol.is export folder."""
    folder = Path(folder)
    if not folder.exists():
        raise PolisError(folder, "there is no such folder.")
    if not folder.is_dir():
        raise PolisError(folder, "this is a file, not a Pol.is export folder.")
    comments, moderated_out, meta = read_comments(folder / COMMENTS)
    participants, statements, values = read_votes(folder / VOTES)
    return PolisExport(
        participants=participants,
        statements=statements,
        values=values,
        voters=np.unique(participants).tolist(),
        comments=comments,
        moderated_out=moderated_out,
        meta=meta,
    )


def read_groups(folder: Path | str) -> dict[int, int | None]:
    """The group Pol.is gave each participant (None where it left them out), from
    participants-votes.csv."""
    path = Path(folder) / PARTICIPANTS
    groups: dict[int, int | None] = {}
    for line, row in _rows(path, GROUP_COLUMNS):
        participant = _whole(path, line, row, "participant")
        text = row["group-id"].strip()
        groups[participant] = _whole(path, line, row, "group-id") if text else None
    return groups
