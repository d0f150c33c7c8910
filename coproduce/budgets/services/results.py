"""Working out a round's result by its rule, and making projects of the chosen proposals."""

from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.projects import services as projects
from coproduce.projects.models import Owner, Project

from .. import permissions, rules, wording
from ..models import BallotChoice, Proposal, Result, ResultLine, Round
from ..stages import Stage


def _ballots(budget_round: Round) -> list[set[str]]:
    """Each ballot's choices among the eligible proposals, as proposal ids in text."""
    chosen: dict[int, set[str]] = defaultdict(set)
    for ballot_id in budget_round.ballots.values_list("pk", flat=True).iterator(chunk_size=5000):
        chosen[ballot_id] = set()
    choices = BallotChoice.objects.filter(
        ballot__budget_round=budget_round, proposal__status=Proposal.Status.ELIGIBLE
    ).values_list("ballot_id", "proposal_id")
    for ballot_id, proposal_id in choices.iterator(chunk_size=20000):
        chosen[ballot_id].add(str(proposal_id))
    return list(chosen.values())


@transaction.atomic
def result_work_out(*, budget_round: Round, by) -> Result:
    """Count the votes by the round's rule, once voting has closed, and store the outcome.

    Guarantees: done once per round (the round row is locked, and a round has one result);
    every eligible proposal gets a line saying how many voted for it and why it was or was
    not chosen; each chosen proposal becomes a project with its budget published, whose
    proposer is invited to own it (they become an owner only if they say yes)."""
    if not permissions.runs_rounds(by):
        raise NotAllowed(_("Only council officers can work out a result."))
    budget_round = Round.objects.select_for_update().get(pk=budget_round.pk)
    stage = budget_round.stage_on()
    if stage is Stage.DECIDED:
        raise Refusal(_("The result has already been worked out."))
    if stage is not Stage.COUNTING:
        raise Refusal(_("The result can only be worked out once voting has closed."))
    proposals = list(
        Proposal.objects.filter(budget_round=budget_round, status=Proposal.Status.ELIGIBLE)
        .select_related("proposer", "budget_round")
        .order_by("pk")
    )
    if not proposals:
        raise Refusal(_("There are no proposals people could vote for."))
    ballots = _ballots(budget_round)
    outcome = rules.share_out(
        proposals=[rules.Proposal(id=str(p.pk), cost=p.cost) for p in proposals],
        ballots=ballots,
        budget=budget_round.budget,
        rule=budget_round.rule,
    )
    result = Result.objects.create(
        budget_round=budget_round,
        rule=budget_round.rule,
        budget=outcome.budget,
        spent=outcome.spent,
        voters=len(ballots),
        share_per_voter=getattr(outcome, "share_per_voter", None),
        worked_out_by=by,
    )
    order = {proposal_id: n for n, proposal_id in enumerate(outcome.selected, start=1)}
    ResultLine.objects.bulk_create(
        [
            ResultLine(
                result=result,
                proposal=proposal,
                votes=outcome.verdicts[str(proposal.pk)].votes,
                selected=outcome.verdicts[str(proposal.pk)].selected,
                chosen_order=order.get(str(proposal.pk)),
                reason=outcome.verdicts[str(proposal.pk)].reason,
                detail=dict(outcome.verdicts[str(proposal.pk)].detail),
            )
            for proposal in proposals
        ]
    )
    by_id = {str(p.pk): p for p in proposals}
    for proposal_id in outcome.selected:
        _make_project(by_id[proposal_id], by=by, budget_round=budget_round)
    return result


def _summary(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _make_project(proposal: Proposal, *, by, budget_round: Round) -> Project:
    """The chosen proposal as a project: the officer owns it for the council at first, its
    budget is published, and the proposer is asked to own it too."""
    project = projects.project_share(
        user=by,
        title=proposal.title,
        summary=_summary(proposal.description),
        theme=proposal.theme,
        description=proposal.description,
        ward=proposal.ward,
    )
    project = projects.project_take_ownership(user=by, project=project)
    allocated = wording.amount(proposal.cost, budget_round.unit)
    round_url = reverse("budgets:round_detail", args=[budget_round.pk])
    projects.project_set_parameters(
        user=by,
        project=project,
        fixed_budget=_("%(amount)s, from the round “%(round)s”")
        % {"amount": allocated, "round": budget_round.title},
        fixed_dates=_("Chosen on %(day)s") % {"day": date_format(timezone.localdate(), "j F Y")},
        fixed_rules=_(
            "Residents chose this in a round of sharing out support. The budget is for what "
            "the proposal said. See the round: %(url)s"
        )
        % {"url": round_url},
        open_to_shape=_("How the work is done, when, and who takes part."),
        how_to_help=_("Follow the project, offer your time, or join the owners."),
        publish=True,
    )
    Proposal.objects.filter(pk=proposal.pk).update(project=project, updated_at=timezone.now())
    proposal.project = project
    proposer = proposal.proposer
    if proposer is not None and proposer.is_active and proposer.has_email and proposer.pk != by.pk:
        projects.project_owner_invite(
            user=by, project=project, email=proposer.email, role=Owner.Role.CO_OWNER
        )
    return project
