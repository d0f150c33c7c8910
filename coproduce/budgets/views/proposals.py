"""Making a proposal, its page, withdrawing it, and the officers' checks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form

from .. import permissions, selectors, wording
from ..forms import CheckForm, ProposalForm
from ..services import proposals as services
from ..stages import Stage
from .common import get_proposal, get_round, stage_context


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    if budget_round.stage_on(decided=budget_round.decided) is not Stage.PROPOSING:
        messages.error(request, _("This round is not taking proposals now."))
        return redirect("budgets:round_detail", pk=budget_round.pk)
    if not permissions.may_propose(request.user, budget_round):
        raise PermissionDenied(_("This round does not take proposals from you."))
    groups = permissions.organised_groups(request.user)
    form = ProposalForm(request.POST or None, budget_round=budget_round, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form, let_through=NotAllowed):
            proposal = services.proposal_submit(
                budget_round=budget_round,
                by=request.user,
                title=data["title"],
                description=data["description"],
                theme=data["theme"],
                cost=data["cost"],
                ward=data["ward"],
                organisation=data.get("organisation"),
            )
            messages.success(
                request, _("Thank you. An officer will check your proposal and tell you.")
            )
            return redirect("budgets:proposal_detail", pk=proposal.pk)
    return render_form(request, "budgets/proposal_form.html", {"form": form, "round": budget_round})


@require_GET
def proposal_detail(request, pk: int) -> HttpResponse:
    proposal = get_proposal(pk)
    budget_round = proposal.budget_round
    stage = budget_round.stage_on()
    line = selectors.result_for_proposal(proposal) if stage is Stage.DECIDED else None
    return render(
        request,
        "budgets/proposal_detail.html",
        {
            "proposal": proposal,
            "round": budget_round,
            "stage": stage,
            "cost_words": wording.amount(proposal.cost, budget_round.unit),
            "line": line,
            "why": line
            and wording.explain(
                selected=line.selected,
                reason=line.reason,
                votes=line.votes,
                detail=line.detail,
                unit=budget_round.unit,
            ),
            "may_withdraw": stage in (Stage.PROPOSING, Stage.CHECKING)
            and proposal.status != proposal.Status.WITHDRAWN
            and permissions.may_withdraw(request.user, proposal),
            "may_check": stage in (Stage.PROPOSING, Stage.CHECKING)
            and proposal.status != proposal.Status.WITHDRAWN
            and permissions.runs_rounds(request.user),
        },
    )


@login_required
@require_POST
def proposal_withdraw(request, pk: int) -> HttpResponse:
    proposal = get_proposal(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.proposal_withdraw(proposal=proposal, by=request.user)
        messages.success(request, _("Your proposal has been withdrawn."))
    return redirect("budgets:proposal_detail", pk=proposal.pk)


@login_required
@require_GET
def check_queue(request, pk: int) -> HttpResponse:
    if not permissions.runs_rounds(request.user):
        raise PermissionDenied(_("Only council officers can check proposals."))
    budget_round = get_round(pk)
    proposals = list(selectors.check_queue(budget_round))
    for proposal in proposals:
        proposal.cost_words = wording.amount(proposal.cost, budget_round.unit)
    return render(
        request,
        "budgets/check_queue.html",
        stage_context(budget_round)
        | {
            "round": budget_round,
            "waiting": [p for p in proposals if p.status == p.Status.SUBMITTED],
            "checked": [p for p in proposals if p.status != p.Status.SUBMITTED],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_check(request, pk: int) -> HttpResponse:
    if not permissions.runs_rounds(request.user):
        raise PermissionDenied(_("Only council officers can check proposals."))
    proposal = get_proposal(pk)
    if proposal.budget_round.stage_on() not in (Stage.PROPOSING, Stage.CHECKING):
        messages.error(request, _("Voting has opened, so proposals can no longer be checked."))
        return redirect("budgets:proposal_detail", pk=proposal.pk)
    initial = {}
    if proposal.status in (proposal.Status.ELIGIBLE, proposal.Status.NOT_ELIGIBLE):
        initial = {"decision": proposal.status, "reason": proposal.reason}
    form = CheckForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "proposal_check")  # each one tells the proposer
        with refusal_to_form(form, let_through=NotAllowed):
            services.proposal_check(
                proposal=proposal,
                by=request.user,
                eligible=form.cleaned_data["decision"] == "eligible",
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Saved. The person who proposed it has been told."))
            return redirect("budgets:check_queue", pk=proposal.budget_round_id)
    return render_form(
        request,
        "budgets/proposal_check.html",
        {
            "form": form,
            "proposal": proposal,
            "round": proposal.budget_round,
            "cost_words": wording.amount(proposal.cost, proposal.budget_round.unit),
        },
    )
