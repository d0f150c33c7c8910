"""Reads for sharing out support that cross relations, each in a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Ballot, BallotChoice, Proposal, Result, ResultLine, Round, RoundOwner

PERSON = ("proposer", "proposer__profile")


def rounds_listed() -> QuerySet[Round]:
    """Every round, newest voting first, with its wards and how many proposals it has."""
    return (
        Round.objects.annotate(
            proposal_count=Count(
                "proposals", filter=~Q(proposals__status=Proposal.Status.WITHDRAWN)
            ),
            decided=Exists(Result.objects.filter(budget_round=OuterRef("pk"))),
        )
        .prefetch_related("wards")
        .order_by("-voting_until", "-pk")
    )


def round_detail(pk: int) -> Round | None:
    """A round with its wards, its owners (and their profiles, for naming) and its result."""
    return (
        Round.objects.annotate(decided=Exists(Result.objects.filter(budget_round=OuterRef("pk"))))
        .prefetch_related(
            "wards",
            Prefetch(
                "owners",
                queryset=RoundOwner.objects.select_related("user", "user__profile"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def proposals_of(budget_round: Round) -> QuerySet[Proposal]:
    """The round's proposals with what a list shows about each, in the order made."""
    return (
        Proposal.objects.filter(budget_round=budget_round)
        .select_related(*PERSON, "organisation", "ward")
        .order_by("pk")
    )


def eligible_proposals(budget_round: Round) -> QuerySet[Proposal]:
    return proposals_of(budget_round).filter(status=Proposal.Status.ELIGIBLE)


def check_queue(budget_round: Round) -> QuerySet[Proposal]:
    """Proposals for officers to check: those waiting first, then those already checked."""
    return (
        proposals_of(budget_round)
        .exclude(status=Proposal.Status.WITHDRAWN)
        .order_by("checked_at", "pk")
    )


def proposal_detail(pk: int) -> Proposal | None:
    return (
        Proposal.objects.select_related(
            *PERSON,
            "organisation",
            "ward",
            "budget_round",
            "project",
            "checked_by",
            "checked_by__profile",
        )
        .filter(pk=pk)
        .first()
    )


def chosen_by(budget_round: Round, user) -> set[int] | None:
    """The proposals this person chose in the round, or None if they have not voted."""
    if not user.is_authenticated:
        return None
    ballot = Ballot.objects.filter(budget_round=budget_round, voter=user).first()
    if ballot is None:
        return None
    return set(BallotChoice.objects.filter(ballot=ballot).values_list("proposal_id", flat=True))


def ballot_count(budget_round: Round) -> int:
    return Ballot.objects.filter(budget_round=budget_round).count()


def result_of(budget_round: Round) -> Result | None:
    """The result with each proposal's line, chosen ones first in the order chosen."""
    lines = ResultLine.objects.select_related("proposal", "proposal__ward").order_by(
        "-selected", "chosen_order", "-votes", "proposal_id"
    )
    return (
        Result.objects.filter(budget_round=budget_round)
        .prefetch_related(Prefetch("lines", queryset=lines))
        .first()
    )


def result_for_proposal(proposal: Proposal) -> ResultLine | None:
    return ResultLine.objects.filter(proposal=proposal).first()
