"""Every write to sharing out support goes through here (split by subject).

Each refusal raises a coproduce.common.errors.Refusal (or NotAllowed) whose message can be
shown to the person as it is; nothing is written when one is raised.
"""

from .ballots import ballot_cast, ballot_remove
from .proposals import proposal_check, proposal_submit, proposal_withdraw
from .results import result_work_out
from .rounds import round_create, round_update

__all__ = [
    "ballot_cast",
    "ballot_remove",
    "proposal_check",
    "proposal_submit",
    "proposal_withdraw",
    "result_work_out",
    "round_create",
    "round_update",
]
