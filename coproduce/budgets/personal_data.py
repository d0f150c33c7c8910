"""What sharing out support holds about a person (see coproduce/personal_data/registry.py).

Proposals and ballots go in a person's download. When they close their account their
ballots stay, unnamed, and still count; their proposals stay too, shown as from "A former
member"; what officers did (opening rounds, checking, working out results) stays, unnamed.
"""

from coproduce.personal_data.registry import Erasure, declare

from .models import Ballot, BallotChoice


def _ballots(user):
    for ballot in Ballot.objects.filter(voter=user).select_related("budget_round").order_by("pk"):
        chosen = BallotChoice.objects.filter(ballot=ballot).select_related("proposal")
        yield {
            "round": ballot.budget_round.title,
            "voted_at": ballot.updated_at.isoformat(),
            "chose": [choice.proposal.title for choice in chosen.order_by("proposal_id")],
        }


declare("budgets.Round", field="created_by", kind="budget_rounds_opened", erase=Erasure.ANONYMISE)
declare("budgets.RoundOwner", field="user", kind="budget_rounds_owned", erase=Erasure.DELETE)
declare("budgets.Proposal", field="proposer", kind="budget_proposals", erase=Erasure.ANONYMISE)
declare(
    "budgets.Proposal",
    field="checked_by",
    kind="budget_proposals_checked",
    erase=Erasure.ANONYMISE,
)
declare(
    "budgets.Ballot",
    field="voter",
    kind="budget_ballots",
    erase=Erasure.ANONYMISE,
    export_with=_ballots,
)
declare("budgets.Result", field="worked_out_by", kind="budget_results", erase=Erasure.ANONYMISE)
