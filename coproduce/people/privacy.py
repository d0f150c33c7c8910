"""Who may see which part of a person's profile. Plain Python: no Django import.

Each part of a profile has a visibility chosen by the person. What a viewer sees depends
only on their relation to the person, never on their role: a council officer sees what
any other member sees. The admin site is the one exception, for administrators.
"""

from enum import Enum, StrEnum


class Visibility(StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"
    ORGANISERS = "organisers"
    ONLY_ME = "only_me"


class Relation(Enum):
    SELF = "self"
    ORGANISER = "organiser"  # runs a project or group the person has joined
    MEMBER = "member"  # anyone signed in
    VISITOR = "visitor"  # not signed in


_ALLOWED: dict[Visibility, frozenset[Relation]] = {
    Visibility.PUBLIC: frozenset(Relation),
    Visibility.MEMBERS: frozenset({Relation.SELF, Relation.ORGANISER, Relation.MEMBER}),
    Visibility.ORGANISERS: frozenset({Relation.SELF, Relation.ORGANISER}),
    Visibility.ONLY_ME: frozenset({Relation.SELF}),
}

# The parts of a profile, each shown or hidden as a whole.
PARTS: tuple[str, ...] = (
    "identity",  # name and ward
    "skills",  # what I can do
    "passions",  # what I care about
    "ambitions",  # what I would like to do
    "languages",
    "availability",  # days, times, hours a month, how far I can travel
    "access_needs",
)

# Until a person chooses, only their name and ward are shown, and only to members.
DEFAULTS: dict[str, Visibility] = dict.fromkeys(PARTS, Visibility.ONLY_ME) | {
    "identity": Visibility.MEMBERS
}

# Access needs are about someone's health: never public, never to every member.
LIMITS: dict[str, frozenset[Visibility]] = {
    "access_needs": frozenset({Visibility.ORGANISERS, Visibility.ONLY_ME}),
}


def can_see(visibility: Visibility | str, relation: Relation) -> bool:
    return relation in _ALLOWED[Visibility(visibility)]


def visible_parts(visibilities: dict[str, str], relation: Relation) -> frozenset[str]:
    """The parts this viewer may see. Nothing at all if they may not see who the person is."""
    levels = {part: Visibility(visibilities.get(part, DEFAULTS[part])) for part in PARTS}
    if not can_see(levels["identity"], relation):
        return frozenset()
    return frozenset(part for part, level in levels.items() if can_see(level, relation))


def allowed_choices(part: str) -> frozenset[Visibility]:
    return LIMITS.get(part, frozenset(Visibility))
