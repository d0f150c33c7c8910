"""The list of rounds, a round's page, and the officers' form to open or change one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import refusal_to_form, render_form

from .. import permissions, selectors, wording
from ..forms import RoundForm
from ..models import Proposal
from ..services import rounds as services
from ..stages import Stage
from .common import STAGE_TAGS, STAGE_WORDS, get_round, stage_context


@require_GET
def round_list(request) -> HttpResponse:
    rounds = list(selectors.rounds_listed())
    for budget_round in rounds:
        stage = budget_round.stage_on(decided=budget_round.decided)
        budget_round.stage_words, budget_round.stage_tag = STAGE_WORDS[stage], STAGE_TAGS[stage]
        budget_round.budget_words = wording.amount(budget_round.budget, budget_round.unit)
    return render(
        request,
        "budgets/round_list.html",
        {"rounds": rounds, "can_open": permissions.runs_rounds(request.user)},
    )


@require_GET
def round_detail(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    user = request.user
    context = stage_context(budget_round)
    stage = context["stage"]
    proposals = list(selectors.proposals_of(budget_round))
    for proposal in proposals:
        proposal.cost_words = wording.amount(proposal.cost, budget_round.unit)
    status = Proposal.Status
    return render(
        request,
        "budgets/round_detail.html",
        context
        | {
            "round": budget_round,
            "budget_words": wording.amount(budget_round.budget, budget_round.unit),
            "most_cost_words": wording.amount(
                budget_round.most_a_proposal_may_cost, budget_round.unit
            ),
            "rule_explained": wording.rule_explained(budget_round.rule),
            "parameters_fixed": budget_round.parameters_fixed(),
            "eligible": [p for p in proposals if p.status == status.ELIGIBLE],
            "waiting": [p for p in proposals if p.status == status.SUBMITTED],
            "not_eligible": [p for p in proposals if p.status == status.NOT_ELIGIBLE],
            "withdrawn": [p for p in proposals if p.status == status.WITHDRAWN],
            "runs_rounds": permissions.runs_rounds(user),
            "may_propose": stage is Stage.PROPOSING and permissions.may_propose(user, budget_round),
            "may_vote": stage is Stage.VOTING and permissions.may_vote(user, budget_round),
            "has_voted": stage is Stage.VOTING
            and selectors.chosen_by(budget_round, user) is not None,
        },
    )


def _initial(budget_round) -> dict:
    fields = RoundForm.base_fields
    initial = {
        name: getattr(budget_round, name) for name in fields if name not in ("wards", "owners")
    }
    initial["wards"] = [ward.pk for ward in budget_round.wards.all()]
    initial["owners"] = [owner.user_id for owner in budget_round.owners.all()]
    return initial


def _save(request, form, budget_round):
    data = form.cleaned_data
    with refusal_to_form(form):
        if budget_round is None:
            return services.round_create(
                by=request.user, wards=data["wards"], owners=data["owners"], **form.round_fields()
            )
        return services.round_update(
            budget_round=budget_round,
            by=request.user,
            wards=data["wards"],
            owners=data["owners"],
            **form.round_fields(),
        )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request) -> HttpResponse:
    if not permissions.runs_rounds(request.user):
        raise PermissionDenied(_("Only council officers can open a round."))
    form = RoundForm(
        request.POST or None,
        viewer=request.user,
        initial={"owners": [request.user.pk], "unit": "pounds"},
    )
    if request.method == "POST" and form.is_valid():
        budget_round = _save(request, form, None)
        if budget_round is not None:
            messages.success(request, _("The round has been opened."))
            return redirect("budgets:round_detail", pk=budget_round.pk)
    return render_form(request, "budgets/round_form.html", {"form": form, "round": None})


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request, pk: int) -> HttpResponse:
    if not permissions.runs_rounds(request.user):
        raise PermissionDenied(_("Only council officers can change a round."))
    budget_round = get_round(pk)
    if budget_round.parameters_fixed():
        messages.error(request, _("Proposals have opened, so this round can no longer change."))
        return redirect("budgets:round_detail", pk=budget_round.pk)
    form = RoundForm(request.POST or None, viewer=request.user, initial=_initial(budget_round))
    if request.method == "POST" and form.is_valid() and _save(request, form, budget_round):
        messages.success(request, _("Your changes have been saved."))
        return redirect("budgets:round_detail", pk=budget_round.pk)
    return render_form(request, "budgets/round_form.html", {"form": form, "round": budget_round})
