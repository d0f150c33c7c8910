"""Ballots: one per person per round, changeable until voting closes (the last one counts)."""

from collections.abc import Collection

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .. import ballot_rules, permissions, wording
from ..models import Ballot, BallotChoice, Proposal, Round
from ..stages import Stage


def ballot_problems(budget_round: Round, proposal_ids: Collection[int]) -> list[str]:
    """What is wrong with choosing these proposals in this round, in plain words."""
    costs = dict(
        Proposal.objects.filter(
            budget_round=budget_round, status=Proposal.Status.ELIGIBLE
        ).values_list("pk", "cost")
    )
    found = ballot_rules.problems(
        set(proposal_ids),
        costs=costs,
        kind=budget_round.ballot,
        budget=budget_round.budget,
        most=budget_round.most_choices,
    )
    return [wording.ballot_problem(problem, budget_round.unit) for problem in found]


def _locked_ballot(budget_round: Round, voter) -> Ballot:
    """This person's ballot in the round, locked; made if they have none.

    Two requests at once both find none; the unique constraint lets one insert, and the
    other waits for it, fails inside its savepoint and locks the row the first one made."""
    found = Ballot.objects.select_for_update().filter(budget_round=budget_round, voter=voter)
    ballot = found.first()
    if ballot is not None:
        return ballot
    try:
        with transaction.atomic():
            return Ballot.objects.create(budget_round=budget_round, voter=voter)
    except IntegrityError:
        return found.get()


@transaction.atomic
def ballot_cast(*, budget_round: Round, voter, proposal_ids: Collection[int]) -> Ballot:
    """Record this person's choices, replacing any they made before in this round.

    Guarantees: at most one ballot per person per round, whatever the timing of their
    requests (a unique constraint, and the ballot row locked while its choices change);
    the choices keep to the round's ballot rules; only while voting is open."""
    if not permissions.signed_in(voter):
        raise NotAllowed(_("Sign in to vote."))
    if budget_round.stage_on() is not Stage.VOTING:
        raise Refusal(_("Voting is not open in this round."))
    if not permissions.may_vote(voter, budget_round):
        raise NotAllowed(_("This round is only for people who live in its area."))
    chosen = set(proposal_ids)
    problems = ballot_problems(budget_round, chosen)
    if problems:
        raise Refusal(" ".join(problems), field="proposals")
    ballot = _locked_ballot(budget_round, voter)
    BallotChoice.objects.filter(ballot=ballot).delete()
    BallotChoice.objects.bulk_create(
        [BallotChoice(ballot=ballot, proposal_id=pk) for pk in sorted(chosen)]
    )
    ballot.save(update_fields=["updated_at"])
    return ballot


@transaction.atomic
def ballot_remove(*, budget_round: Round, voter) -> None:
    """Take back your ballot while voting is open."""
    if not permissions.signed_in(voter):
        raise NotAllowed(_("Sign in first."))
    if budget_round.stage_on() is not Stage.VOTING:
        raise Refusal(_("Voting is not open in this round."))
    Ballot.objects.filter(budget_round=budget_round, voter=voter).delete()
