"""Voting: the ballot page, "Check my total" (a round trip, no JavaScript), and sending it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form

from .. import ballot_rules, permissions, selectors, wording
from ..forms import BallotForm
from ..models import Round
from ..services import ballots as services
from ..stages import Stage
from .common import get_round


def _total(budget_round: Round, proposals, chosen: set[int]) -> dict:
    costs = {p.pk: p.cost for p in proposals}
    total = ballot_rules.total_cost(chosen, costs)
    unit = budget_round.unit
    return {
        "count": len(chosen & set(costs)),
        "total": total,
        "total_words": wording.amount(total, unit),
        "left_words": wording.amount(max(budget_round.budget - total, 0), unit),
        "over": total > budget_round.budget,
    }


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    if budget_round.stage_on(decided=budget_round.decided) is not Stage.VOTING:
        messages.error(request, _("Voting is not open in this round."))
        return redirect("budgets:round_detail", pk=budget_round.pk)
    if not permissions.may_vote(request.user, budget_round):
        raise PermissionDenied(_("This round is only for people who live in its area."))
    proposals = list(selectors.eligible_proposals(budget_round))
    before = selectors.chosen_by(budget_round, request.user)
    initial = {"proposals": [str(pk) for pk in sorted(before or ())]}
    form = BallotForm(
        request.POST or None, budget_round=budget_round, proposals=proposals, initial=initial
    )
    checked = False
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        if request.POST.get("action") == "check":
            checked = True  # "Check my total": show the sum and any problem, save nothing
            for problem in services.ballot_problems(budget_round, chosen):
                form.add_error("proposals", problem)
        else:
            with refusal_to_form(form, let_through=NotAllowed):
                services.ballot_cast(
                    budget_round=budget_round, voter=request.user, proposal_ids=chosen
                )
                messages.success(
                    request, _("Your vote has been saved. You can change it until voting closes.")
                )
                return redirect("budgets:round_detail", pk=budget_round.pk)
    chosen_now = form.chosen() if form.is_bound and hasattr(form, "cleaned_data") else before
    return render_form(
        request,
        "budgets/ballot.html",
        {
            "form": form,
            "round": budget_round,
            "proposals": proposals,
            "budget_words": wording.amount(budget_round.budget, budget_round.unit),
            "fill_budget": budget_round.ballot == Round.Ballot.FILL_BUDGET,
            "has_voted": before is not None,
            "checked": checked,
            "running": _total(budget_round, proposals, set(chosen_now or ())),
        },
    )


@login_required
@require_POST
def ballot_remove(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.ballot_remove(budget_round=budget_round, voter=request.user)
        messages.success(request, _("Your vote has been taken back."))
    return redirect("budgets:round_detail", pk=budget_round.pk)
