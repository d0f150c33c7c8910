"""What an opinion-groups analysis returns: plain frozen dataclasses, no Django.

Vote values are AGREE (1), DISAGREE (-1) and PASS (0), as in a Pol.is export.
"""

from dataclasses import dataclass, field
from typing import Any

AGREE, DISAGREE, PASS = 1, -1, 0


@dataclass(frozen=True)
class StatementShare:
    """How one set of people voted on one statement.

    `agree` and `disagree` are shares of those who voted on it (pass included), 0..1;
    `votes` is how many of them voted on it. `passed` is the share who passed.
    """

    statement: int
    agree: float
    disagree: float
    votes: int
    passed: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Distinctive(StatementShare):
    """A statement that sets a group apart from everyone else (Pol.is "repness").

    The shares are how the group voted. `direction` is "agree" or "disagree": what the group
    does more than the rest. `strength` is the Pol.is representativeness metric
    (ratio x ratio z-test x smoothed share x share z-test); bigger is more telling.
    `significant` is True when both z-tests pass at 90% (z > 1.2816). `others` is how everyone
    outside the group voted.
    """

    direction: str
    strength: float
    ratio: float = 0.0
    z_ratio: float = 0.0
    z_share: float = 0.0
    significant: bool = False
    others: StatementShare | None = None


@dataclass(frozen=True)
class Group:
    """One opinion group: its number (0..k-1), how many people, what sets it apart."""

    number: int
    members: int
    distinctive: list[Distinctive]
    centre: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class CommonGround:
    """A statement most of every group agrees (or disagrees) with.

    `score` is Pol.is's group-aware consensus: the product over groups of the smoothed share
    voting in `direction` ((count + 1) / (votes + 2)).
    """

    statement: int
    direction: str
    by_group: list[StatementShare]
    score: float = 0.0


@dataclass(frozen=True)
class Division:
    """A statement the groups disagree on: some groups mostly agree while others disagree.

    `spread` is the largest gap between two groups' smoothed (agree - disagree) balance, from
    0 (all groups the same) to 2 (one group all agrees, another all disagrees).
    `agreeing` and `disagreeing` are the numbers of the groups at either end.
    """

    statement: int
    spread: float
    by_group: list[StatementShare]
    agreeing: int = 0
    disagreeing: int = 0


@dataclass(frozen=True)
class Analysis:
    """The whole result of one run.

    `group_of` maps every participant who voted to a group number, or None when left out
    (fewer than min(7, statements) votes). `position` is each grouped participant's place on
    the 2-D map. `everyone` is how the whole conversation voted on each statement.
    `extremity` is how strongly each statement pulls the map apart (length of its loading).
    `silhouettes` maps each k tried to its silhouette. `nearest_group` maps each participant
    left out to the group whose centre is nearest their place on the map (a hint, not a
    group). `state` is opaque: pass the Analysis as `previous` to warm-start the next run.
    """

    k: int
    group_of: dict[int, int | None]
    position: dict[int, tuple[float, float]]
    groups: list[Group]
    common_ground: list[CommonGround]
    divisive: list[Division]
    participants: int
    votes: int
    state: Any = field(default=None, repr=False, compare=False)
    statements: int = 0
    everyone: dict[int, StatementShare] = field(default_factory=dict, repr=False)
    extremity: dict[int, float] = field(default_factory=dict, repr=False)
    silhouettes: dict[int, float] = field(default_factory=dict)
    nearest_group: dict[int, int] = field(default_factory=dict, repr=False)
