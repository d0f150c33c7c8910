"""A strict reader of Pabulib ``.pb`` files (participatory budgeting elections).

Pure: no Django. The format (pabulib.org): three sections in this order, each a line naming
it and then a header line, fields separated by ``;``:

    META        key;value              (budget, vote_type, rule, num_projects, num_votes, ...)
    PROJECTS    project_id;cost;...    (often also votes, name, selected)
    VOTES       voter_id;vote;...      (vote: the approved project ids, comma separated)

Strict: anything we would otherwise have to guess about is an error naming the line, e.g.
``line 57: a vote names project 999, which is not in PROJECTS``. It accepts what real files
hold: Windows line endings, a byte-order mark, quoted fields, a budget written as a decimal
("1000000.0"), costs written as whole decimals ("15000.0"), blank lines at the end.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

SECTIONS = ("META", "PROJECTS", "VOTES")
REQUIRED_COLUMNS = {
    "META": ("key", "value"),
    "PROJECTS": ("project_id", "cost"),
    "VOTES": ("voter_id", "vote"),
}


# (line of the section name, header, [(line, cells), ...])
Section = tuple[int, list[str], list[tuple[int, list[str]]]]


class PabulibError(ValueError):
    """The file cannot be read as a Pabulib election. The message names the line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class PabulibProject:
    id: str
    cost: int
    line: int
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def selected(self) -> bool | None:
        """The city's outcome, when the file has a ``selected`` column."""
        value = self.fields.get("selected")
        if value is None or value == "":
            return None
        return value.strip() not in ("0", "0.0")


@dataclass(frozen=True)
class PabulibVote:
    voter_id: str
    approved: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Election:
    meta: dict[str, str]
    projects: list[PabulibProject]
    votes: list[PabulibVote]
    budget: int  # rounded down when the file's budget is not whole
    budget_text: str

    @property
    def rule(self) -> str | None:
        return self.meta.get("rule")

    @property
    def vote_type(self) -> str | None:
        return self.meta.get("vote_type")

    @property
    def official(self) -> list[str] | None:
        """Project ids the city funded (``selected`` column), or None when not given."""
        marks = [p.selected for p in self.projects]
        if any(mark is None for mark in marks):
            return None
        return [p.id for p in self.projects if p.selected]


def read(path: str | Path) -> Election:
    """Read the file at ``path``. Raises PabulibError (missing, empty, malformed)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PabulibError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise PabulibError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise PabulibError(f"{path} cannot be read: {error.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PabulibError("this is not UTF-8 text.", line) from None
    return parse(text)


def _whole(text: str, what: str, line: int, *, round_down: bool = False) -> int:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise PabulibError(f"{what} {text!r} is not a number.", line) from None
    if not number.is_finite():
        raise PabulibError(f"{what} {text!r} is not a number.", line)
    if number < 0:
        raise PabulibError(f"{what} {text!r} is less than zero.", line)
    if number != number.to_integral_value() and not round_down:
        raise PabulibError(f"{what} {text!r} is not a whole number.", line)
    return int(number)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise PabulibError("The file is empty.")
    rows = []
    reader = csv.reader(lines, delimiter=";", quotechar='"', strict=True)
    while True:
        start = reader.line_num + 1  # a quoted field may run over several lines
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise PabulibError(f"this line cannot be read ({error}).", start) from None
        rows.append((start, [cell.strip() for cell in row]))


def parse(text: str) -> Election:
    """Parse the text of a ``.pb`` file. Raises PabulibError naming the line."""
    rows = _rows(text)
    sections: dict[str, Section] = {}
    current: str | None = None
    header_pending = False
    for number, cells in rows:
        if not any(cells):
            raise PabulibError("this line is empty.", number)
        name = cells[0].strip().upper() if len(cells) == 1 else None
        if name in SECTIONS and cells[0].strip() == name:
            expected = SECTIONS[len(sections)] if len(sections) < len(SECTIONS) else None
            if name in sections:
                raise PabulibError(f"the section {name} appears a second time.", number)
            if name != expected:
                raise PabulibError(
                    f"the section {name} comes before {expected}; sections must be "
                    "META, PROJECTS, VOTES in that order.",
                    number,
                )
            sections[name] = (number, [], [])
            current, header_pending = name, True
            continue
        if current is None:
            raise PabulibError("the file must start with a line saying META.", number)
        if header_pending:
            header = [cell.strip() for cell in cells]
            for column in REQUIRED_COLUMNS[current]:
                if column not in header:
                    raise PabulibError(f"the {current} header has no {column!r} column.", number)
            if len(set(header)) != len(header):
                raise PabulibError(f"the {current} header names a column twice.", number)
            sections[current] = (sections[current][0], header, [])
            header_pending = False
            continue
        _, header, body = sections[current]
        if len(cells) != len(header):
            raise PabulibError(
                f"this {current} line has {len(cells)} fields but the header has {len(header)}.",
                number,
            )
        body.append((number, cells))
    for name in SECTIONS:
        if name not in sections:
            raise PabulibError(f"the file has no {name} section.")
        if not sections[name][1]:
            raise PabulibError(f"the {name} section has no header line.", sections[name][0])
    meta, meta_lines = _meta(sections["META"])
    projects = _projects(sections["PROJECTS"])
    votes = _votes(sections["VOTES"], {p.id for p in projects})
    if "budget" not in meta:
        raise PabulibError("META has no budget.", sections["META"][0])
    budget = _whole(meta["budget"], "the budget", meta_lines["budget"], round_down=True)
    for key, section, actual in (
        ("num_projects", "PROJECTS", len(projects)),
        ("num_votes", "VOTES", len(votes)),
    ):
        if key in meta:
            stated = _whole(meta[key], key, meta_lines[key])
            if stated != actual:
                raise PabulibError(
                    f"META says {key} is {stated} but the {section} section has {actual}.",
                    meta_lines[key],
                )
    return Election(meta, projects, votes, budget, meta["budget"])


def _meta(section: Section) -> tuple[dict[str, str], dict[str, int]]:
    _, header, body = section
    key_at, value_at = header.index("key"), header.index("value")
    meta: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, cells in body:
        key = cells[key_at]
        if not key:
            raise PabulibError("a META line has no key.", number)
        if key in meta:
            raise PabulibError(f"META gives {key!r} twice (first on line {lines[key]}).", number)
        meta[key], lines[key] = cells[value_at], number
    return meta, lines


def _projects(section: Section) -> list[PabulibProject]:
    start, header, body = section
    id_at, cost_at = header.index("project_id"), header.index("cost")
    projects: list[PabulibProject] = []
    seen: dict[str, int] = {}
    for number, cells in body:
        project_id = cells[id_at]
        if not project_id:
            raise PabulibError("a project has no project_id.", number)
        if "," in project_id:
            raise PabulibError(f"project id {project_id!r} contains a comma.", number)
        if project_id in seen:
            raise PabulibError(
                f"project {project_id} is listed twice (first on line {seen[project_id]}).", number
            )
        seen[project_id] = number
        cost = _whole(cells[cost_at], f"the cost of project {project_id}", number)
        projects.append(
            PabulibProject(project_id, cost, number, dict(zip(header, cells, strict=True)))
        )
    if not projects:
        raise PabulibError("the PROJECTS section lists no projects.", start)
    return projects


def _votes(section: Section, known: set[str]) -> list[PabulibVote]:
    _, header, body = section
    voter_at, vote_at = header.index("voter_id"), header.index("vote")
    votes: list[PabulibVote] = []
    seen: dict[str, int] = {}
    for number, cells in body:
        voter_id = cells[voter_at]
        if not voter_id:
            raise PabulibError("a vote has no voter_id.", number)
        if voter_id in seen:
            raise PabulibError(
                f"voter {voter_id} votes twice (first on line {seen[voter_id]}).", number
            )
        seen[voter_id] = number
        approved: list[str] = []
        text = cells[vote_at].strip()
        if text:
            for part in text.split(","):
                project_id = part.strip()
                if not project_id:
                    raise PabulibError("a vote has an empty project id between commas.", number)
                if project_id not in known:
                    raise PabulibError(
                        f"a vote names project {project_id}, which is not in PROJECTS.", number
                    )
                if project_id in approved:
                    raise PabulibError(f"a vote names project {project_id} twice.", number)
                approved.append(project_id)
        votes.append(PabulibVote(voter_id, tuple(approved), number))
    return votes
