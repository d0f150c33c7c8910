"""Where a project can go next. Plain Python: no Django import.

idea -> forming -> active -> paused or completed -> archived. An idea becomes a project
(forming) only when someone takes ownership; a paused project can start again; anything but
an archived project can be archived, and an archived one can come back as an idea.
"""

from enum import StrEnum


class Status(StrEnum):
    IDEA = "idea"
    FORMING = "forming"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ARCHIVED = "archived"


NEXT: dict[Status, frozenset[Status]] = {
    Status.IDEA: frozenset({Status.FORMING, Status.ARCHIVED}),
    Status.FORMING: frozenset({Status.ACTIVE, Status.PAUSED, Status.ARCHIVED}),
    Status.ACTIVE: frozenset({Status.PAUSED, Status.COMPLETED, Status.ARCHIVED}),
    Status.PAUSED: frozenset({Status.ACTIVE, Status.COMPLETED, Status.ARCHIVED}),
    Status.COMPLETED: frozenset({Status.ARCHIVED}),
    Status.ARCHIVED: frozenset({Status.IDEA}),
}
# People can join in (offer, volunteer, propose) only while a project is going.
OPEN_TO_JOIN = frozenset({Status.FORMING, Status.ACTIVE})


class TransitionError(ValueError):
    """A move the life cycle does not allow; the message says what is allowed."""


def check(current: str, new: str, *, has_owner: bool) -> None:
    """Raise TransitionError unless a project may move from `current` to `new`."""
    current_status, new_status = Status(current), Status(new)
    if new_status not in NEXT[current_status]:
        allowed = ", ".join(sorted(s.value for s in NEXT[current_status])) or "nothing"
        raise TransitionError(
            f"A project that is {current_status.value} can become: {allowed}, "
            f"not {new_status.value}."
        )
    if new_status is Status.FORMING and not has_owner:
        raise TransitionError("An idea becomes a project only when someone takes ownership.")
