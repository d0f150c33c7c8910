"""A treatment as the demo makes it. Its own module because both `treatments` (which makes
them) and `report_backs` (which reports on them) use it, and neither imports the other back."""

from dataclasses import dataclass, field

from coproduce.gatherings.models import Action, Barrier, Treatment

from .treatment_plan import Brought


@dataclass
class Treated:
    """A treatment as it is made, with what the next report-backs are about."""

    treatment: Treatment
    brought: Brought
    follows: "Treated | None"
    actions: list[Action] = field(default_factory=list)
    barriers: list[Barrier] = field(default_factory=list)
    followed_at: int | None = None  # the session at which the project came again
